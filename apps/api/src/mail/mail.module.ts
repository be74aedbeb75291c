import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * The API's mail goes through the same SMTP server as the worker's reminders (SMTP_* settings; the local mailbox
 * under `npm start`). Sent while the request waits, with short timeouts, so a caller learns at once whether an
 * invitation reached the server.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { host, port, secure, auth } = config.mail;
    this.transport = nodemailer.createTransport({
      host,
      port,
      secure,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
      ...(auth ? { auth } : {}),
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.config.mail.from, ...message });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
