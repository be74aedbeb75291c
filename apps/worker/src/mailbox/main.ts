#!/usr/bin/env node
// The local mailbox of `npm start`: accepts the worker's email on 127.0.0.1:1025 and keeps each message as an
// .eml file in MAILBOX_DIR (default .data/mail), so reminders and escalations can be read without a mail server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { mailHeader, startSmtpSink } from './smtp-sink.js';

const env = z
  .object({
    MAILBOX_DIR: z.string().min(1).default(resolve('.data/mail')),
    MAILBOX_HOST: z.string().min(1).default('127.0.0.1'),
    MAILBOX_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
  })
  .parse(process.env);

mkdirSync(env.MAILBOX_DIR, { recursive: true });
let received = 0;
const sink = await startSmtpSink({
  host: env.MAILBOX_HOST,
  port: env.MAILBOX_PORT,
  onMessage: ({ to, raw }) => {
    received += 1;
    const file = join(env.MAILBOX_DIR, `${Date.now()}-${received}.eml`);
    writeFileSync(file, raw);
    console.log(`mail to ${to.join(', ')}: ${mailHeader(raw, 'Subject')} (${file})`);
    return undefined;
  },
});
console.log(`Mailbox listening on ${env.MAILBOX_HOST}:${sink.port}; messages go to ${env.MAILBOX_DIR}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sink.close().then(() => process.exit(0));
  });
}
