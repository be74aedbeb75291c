import nodemailer, { type Transporter } from 'nodemailer';
import { mailHeader, startSmtpSink } from '../../src/mailbox/smtp-sink.js';

export interface CapturedMail {
  to: string[];
  subject: string;
  messageId: string;
  raw: string;
}

export interface SmtpCatcher {
  port: number;
  messages: CapturedMail[];
  /** Reject the next `n` messages with a transient SMTP error (451), to exercise activity retries. */
  failNext(n: number): void;
  transport: Transporter;
  close(): Promise<void>;
}

/**
 * A real SMTP server in this process that keeps every accepted message. `acceptDelayMs` makes it a slow server:
 * each message is kept, and acknowledged, only after that long.
 */
export async function startSmtpCatcher(options: { acceptDelayMs?: number } = {}): Promise<SmtpCatcher> {
  const messages: CapturedMail[] = [];
  let failures = 0;
  const sink = await startSmtpSink({
    onMessage: async ({ to, raw }) => {
      if (options.acceptDelayMs) await new Promise((r) => setTimeout(r, options.acceptDelayMs));
      if (failures > 0) {
        failures--;
        return Object.assign(new Error('try again later'), { responseCode: 451 });
      }
      messages.push({
        to,
        subject: mailHeader(raw, 'Subject'),
        messageId: mailHeader(raw, 'Message-ID'),
        raw,
      });
      return undefined;
    },
  });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
  });
  return {
    port: sink.port,
    messages,
    transport,
    failNext: (n) => {
      failures = n;
    },
    close: async () => {
      transport.close();
      await sink.close();
    },
  };
}
