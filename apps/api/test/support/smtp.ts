import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  raw: string;
}

export interface SmtpCatcher {
  port: number;
  messages: CapturedMail[];
  /** Refuse the next `n` messages with a permanent SMTP error. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process that keeps what it accepts: the API sends through nodemailer exactly
 * as it does to the `npm start` mailbox (the same pattern as the worker's tests).
 */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CapturedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
          return;
        }
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    refuseNext: (n) => {
      refusals = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The invitation token in a captured mail's link (`…/invitation#token=…`). */
export function invitationTokenIn(mail: CapturedMail): string {
  // nodemailer may send the text quoted-printable: undo soft line breaks and =XX escapes.
  const body = mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /\/invitation#token=([A-Za-z0-9_-]{43})/.exec(body);
  if (!match?.[1]) throw new Error(`no invitation link in:\n${mail.raw}`);
  return match[1];
}
