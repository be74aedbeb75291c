import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { eventually, StopWaiting } from '@certflow/testkit/waiting';

/** A port nobody is listening on right now, chosen by the OS. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('Could not pick a free port');
  return address.port;
}

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Last lines of output, quoted in errors so a failed start explains itself. */
  tail: () => string;
  /** Resolves when a line of output matches, rejects if the process exits first. */
  waitForOutput: (pattern: RegExp, timeoutMs: number) => Promise<void>;
  stop: () => Promise<void>;
}

export function startService(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Service {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );

  const onData = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const tail = () => lines.join('\n');
  const describeExit = () =>
    `${name} exited (code ${String(exit?.code)}, signal ${String(exit?.signal)}) before it was ready; see ${logFile}:\n${tail()}`;

  return {
    name,
    child,
    logFile,
    tail,
    waitForOutput: (pattern, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((line) => pattern.test(line))) return resolve();
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(
            new Error(
              `${name} printed nothing matching ${String(pattern)} within ${timeoutMs} ms:\n${tail()}`,
            ),
          );
        }, timeoutMs);
        const listener = (line: string) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve();
        };
        listeners.add(listener);
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(describeExit()));
        });
      }),
    stop: async () => {
      if (exit === undefined) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      log.end();
    },
  };
}

/** Polls a URL until it answers 200, failing early if the process behind it dies. */
export async function waitForHttpOk(url: string, service: Service, timeoutMs: number): Promise<void> {
  await eventually(
    () => `${url} to answer 200; see ${service.logFile}:\n${service.tail()}`,
    async () => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) {
        throw new StopWaiting(
          `${service.name} exited before ${url} answered; see ${service.logFile}:\n${service.tail()}`,
        );
      }
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
      return true;
    },
    { timeoutMs, intervalMs: 250 },
  );
}
