import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventually, StopWaiting } from '@certflow/testkit';

const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const bundleJs = fileURLToPath(new URL('../../dist/workflow-bundle.js', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with how the process ended. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The production entry point (`node dist/main.js`) as a child process, started and ready to poll. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  if (!existsSync(mainJs) || !existsSync(bundleJs)) {
    throw new Error(
      'dist/main.js or dist/workflow-bundle.js is missing: run `pnpm --filter @certflow/worker build` first.',
    );
  }
  const child = spawn(process.execPath, [mainJs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  await eventually(
    () => `the worker to poll:\n${output}`,
    () => {
      if (child.exitCode !== null) throw new StopWaiting(`worker exited early:\n${output}`);
      return output.includes('certflow worker polling');
    },
    { intervalMs: 50 },
  );
  return {
    child,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
