import { type MailCatcher, startMailCatcher } from '@certflow/testkit/smtp';
import nodemailer, { type Transporter } from 'nodemailer';

export interface SmtpCatcher extends MailCatcher {
  /** A nodemailer transport to this server, unpooled like the one `src/main.ts` builds. */
  transport: Transporter;
}

/** The tests' mail server (`@certflow/testkit/smtp`) with a transport for the activities under test. */
export async function startSmtpCatcher(options: { acceptDelayMs?: number } = {}): Promise<SmtpCatcher> {
  const catcher = await startMailCatcher(options);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: catcher.port,
    secure: false,
    ignoreTLS: true,
  });
  return {
    ...catcher,
    transport,
    close: async () => {
      transport.close();
      await catcher.close();
    },
  };
}
