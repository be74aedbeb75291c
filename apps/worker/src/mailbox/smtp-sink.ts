import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface SmtpSinkOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Return (or resolve to) an error with an SMTP `responseCode` to refuse the message. */
  onMessage: (mail: ReceivedMail) => Error | undefined | Promise<Error | undefined>;
}

export interface SmtpSink {
  port: number;
  close: () => Promise<void>;
}

/**
 * A plain SMTP server that hands every message to `onMessage`: the local mailbox of `npm start` and the
 * capturing server of the tests, so both exercise the worker's real SMTP path.
 */
export async function startSmtpSink(options: SmtpSinkOptions): Promise<SmtpSink> {
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
        void Promise.resolve(
          options.onMessage({ to: session.envelope.rcptTo.map((r) => r.address), raw }),
        ).then(
          (error) => callback(error ?? null),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening, smtp-server reports each client's socket errors here (a worker killed mid-message resets its
  // connection). They end that one conversation; unhandled, they would end the whole process.
  server.on('error', () => undefined);
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The value of one header of a raw message, with folded lines joined. */
export function mailHeader(raw: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match?.[1]?.replace(/\r?\n[ \t]/g, ' ').trim() ?? '';
}
