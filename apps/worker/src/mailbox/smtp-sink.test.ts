import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { eventually } from '@certflow/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

describe('the SMTP sink', () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
  });

  it('keeps serving after a client resets its connection mid-conversation (a killed worker)', async () => {
    const received: string[][] = [];
    sink = await startSmtpSink({ onMessage: ({ to }) => void received.push(to) });
    const port = sink.port;

    // Inside a transaction (after MAIL FROM), where smtp-server reports a reset instead of ignoring it; twice,
    // as a test that kills one worker after another does.
    for (const attempt of [1, 2]) {
      const socket = connect(port, '127.0.0.1');
      let buffered = '';
      socket.on('data', (chunk: Buffer) => (buffered += chunk.toString()));
      const reply = (code: string) =>
        eventually(`an SMTP ${code} reply (connection ${attempt})`, () => {
          const done = new RegExp(`^${code} .*\\r\\n`, 'm').test(buffered);
          if (done) buffered = '';
          return done;
        });
      await reply('220');
      socket.write('EHLO killed.test\r\n');
      await reply('250');
      socket.write('MAIL FROM:<a@acme.test>\r\n');
      await reply('250');
      // RST instead of FIN: what the server sees when the process at the other end is SIGKILLed.
      socket.resetAndDestroy();
      await new Promise((resolve) => socket.once('close', resolve));
    }

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    await transport.sendMail({
      from: 'a@acme.test',
      to: 'b@acme.test',
      subject: 'after',
      text: 'still here',
    });
    transport.close();
    expect(received).toEqual([['b@acme.test']]);
  });
});
