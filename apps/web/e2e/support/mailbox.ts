import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type CapturedMail, decodedBody, startMailCatcher } from '@certflow/testkit/smtp';
import { eventually } from '@certflow/testkit/waiting';

export interface Mailbox {
  port: number;
  /** An HTTP view of the mail received, so the browser tests (another process) can read it. */
  url: string;
  close: () => Promise<void>;
}

/**
 * The tests' SMTP server for the API's mail (invitations), with the messages readable over HTTP at `url` as
 * JSON: the global set-up runs in another process than the tests.
 */
export async function startMailbox(): Promise<Mailbox> {
  const smtp = await startMailCatcher();
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(smtp.messages));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: smtp.port,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await smtp.close();
    },
  };
}

/** The invitation link in the latest mail to `email`. */
export async function invitationLinkFor(mailboxUrl: string, email: string): Promise<string> {
  return eventually(
    `an invitation mail to ${email}`,
    async () => {
      const messages = (await (await fetch(mailboxUrl)).json()) as CapturedMail[];
      const mail = messages.filter((m) => m.to.includes(email)).at(-1);
      if (!mail) return undefined;
      return /(https?:\/\/\S+\/invitation#token=[A-Za-z0-9_-]{43})/.exec(decodedBody(mail.raw))?.[1];
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}
