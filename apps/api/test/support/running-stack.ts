import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { INestApplication } from '@nestjs/common';
import { programSearchAttributes } from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type MailCatcher, startMailCatcher } from '@certflow/testkit/smtp';

import { createTestApp } from '../test-app.js';

const workerMain = fileURLToPath(new URL('../../../worker/dist/main.js', import.meta.url));

/**
 * The real path of an action: the API in-process, its own Temporal dev server (so the worker never picks up other
 * files' workflows), a fresh database and the built worker (`apps/worker/dist/main.js`) as a child process.
 */
export interface RunningStack {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  app: INestApplication;
  /** Where the worker's mail (task assignments, reminders) lands. */
  smtp: MailCatcher;
  workerOutput(): string;
  stop(): Promise<void>;
}

export async function startRunningStack(): Promise<RunningStack> {
  const cli = process.env.TEMPORAL_CLI_PATH;
  if (!cli) throw new Error('TEMPORAL_CLI_PATH is not set: point it at the Temporal CLI binary.');
  if (!existsSync(workerMain)) {
    throw new Error(
      `${workerMain} is missing: build the worker first (pnpm --filter @certflow/worker build).`,
    );
  }
  const [env, db, smtp] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli },
        searchAttributes: [...programSearchAttributes],
      },
    }),
    createTestDatabase(),
    startMailCatcher(),
  ]);
  let output = '';
  const worker: ChildProcess = spawn(process.execPath, [workerMain], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: 'default',
      DATABASE_URL: db.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const { app } = await createTestApp({
    databaseUrl: db.url,
    temporalAddress: env.address,
    queryTimeoutMs: 5000,
    env: { TEMPORAL_RPC_TIMEOUT_MS: '20000', TEMPORAL_UI_URL: 'http://temporal-ui.test:8233/' },
  });
  return {
    env,
    db,
    app,
    smtp,
    workerOutput: () => output,
    stop: async () => {
      if (worker.exitCode === null) {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (worker.exitCode === null) worker.kill('SIGKILL');
      }
      await app.close();
      await env.teardown();
      await db.drop();
      await smtp.close();
    },
  };
}
