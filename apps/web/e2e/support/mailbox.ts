import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';
import { eventually } from '@certflow/testkit/waiting';

export interface Mailbox {
  port: number;
  /** An HTTP view of the mail received, so the browser tests (another process) can read it. */
  url: string;
  close: () => Promise<void>;
}

/**
 * A real SMTP server for the API's mail (invitations), with the messages readable over HTTP at `url` as JSON
 * `[{ to, raw }]`: the global set-up runs in another process than the tests.
 */
export async function startMailbox(): Promise<Mailbox> {
  const messages: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(messages));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

/** The invitation link in the latest mail to `email`, with quoted-printable undone. */
export async function invitationLinkFor(mailboxUrl: string, email: string): Promise<string> {
  return eventually(
    `an invitation mail to ${email}`,
    async () => {
      const messages = (await (await fetch(mailboxUrl)).json()) as { to: string[]; raw: string }[];
      const mail = messages.filter((m) => m.to.includes(email)).at(-1);
      if (!mail) return undefined;
      const body = mail.raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return /(https?:\/\/\S+\/invitation#token=[A-Za-z0-9_-]{43})/.exec(body)?.[1];
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}
