import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  subject: string;
  messageId: string;
  raw: string;
}

export interface MailCatcher {
  port: number;
  /** What the server accepted, in order. */
  messages: CapturedMail[];
  /** Refuse the next `n` messages with a permanent error (550): the sender must give up on them. */
  refuseNext(n: number): void;
  /** Refuse the next `n` messages with a transient error (451): the sender should try again. */
  failNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test's process that keeps what it accepts, so the code under test sends through
 * nodemailer exactly as it does to a relay. `acceptDelayMs` makes it a slow server: each message is kept, and
 * acknowledged, only after that long.
 */
export async function startMailCatcher(options: { acceptDelayMs?: number } = {}): Promise<MailCatcher> {
  const messages: CapturedMail[] = [];
  const refusals: number[] = [];
  const refuse = (n: number, code: number) =>
    refusals.splice(0, refusals.length, ...Array<number>(n).fill(code));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Reverse DNS on each connection stalls for seconds on machines without a resolver.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        setTimeout(() => {
          const code = refusals.shift();
          if (code) {
            callback(
              Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), {
                responseCode: code,
              }),
            );
            return;
          }
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mailHeader(raw, 'Subject'),
            messageId: mailHeader(raw, 'Message-ID'),
            raw,
          });
          callback(null);
        }, options.acceptDelayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening, smtp-server reports each client's socket errors here (a process killed mid-message resets
  // its connection). They end that one conversation; unhandled, they would end the test process.
  server.on('error', () => undefined);
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    refuseNext: (n) => refuse(n, 550),
    failNext: (n) => refuse(n, 451),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The value of one header of a raw message, with folded lines joined. */
export function mailHeader(raw: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match?.[1]?.replace(/\r?\n[ \t]/g, ' ').trim() ?? '';
}

/** A mail's text with quoted-printable undone (soft line breaks and =XX escapes), as nodemailer may send it. */
export function decodedBody(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
