import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { programSearchAttributes } from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { spawnOidcProvider } from '@certflow/testkit/oidc';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { preview, type PreviewServer } from 'vite';

import { apiProxy } from '../../vite.config';
import { type DemoAccount, runFirstRun } from './demo';
import { requireEnv } from './env';
import { startMailbox } from './mailbox';
import { repoRoot, resultsDir, webDir } from './paths';
import { freePort, startService, waitForHttpOk } from './processes';

/** The identity provider's account for the demo control owner, for the single sign-on test. */
export const IDP_OWNER = {
  subject: 'idp-owner',
  email: 'owner@demo.certflow.example',
  password: 'idp-owner-pass',
};
export const IDP_CLIENT = { clientId: 'certflow-e2e', clientSecret: 'e2e-client-secret' };

export interface Stack {
  webUrl: string;
  apiUrl: string;
  mailboxUrl: string;
  issuer: string;
  accounts: DemoAccount[];
  timings: Record<string, number>;
  stop: () => Promise<void>;
}

async function timed<T>(timings: Record<string, number>, label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

/**
 * The real system, as a user would meet it: Temporal dev server, a fresh PostgreSQL database, the built worker
 * and API as separate processes, and the built web app served by `vite preview` with its `/api` proxy.
 */
export async function startStack(): Promise<Stack> {
  const temporalCli = requireEnv('TEMPORAL_CLI_PATH', 'the browser tests run the Temporal CLI dev server');
  requireEnv('TEST_DATABASE_URL', 'the browser tests create their own PostgreSQL database');
  const logDir = join(resultsDir, 'logs');
  await mkdir(logDir, { recursive: true });

  const timings: Record<string, number> = {};
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    // Reverse order: nothing should lose its dependencies while it is still running.
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('e2e teardown step failed', error));
    }
  };

  try {
    const [temporalResult, databaseResult] = await Promise.allSettled([
      timed(timings, 'temporal', () =>
        TestWorkflowEnvironment.createLocal({
          server: {
            executable: { type: 'existing-path', path: temporalCli },
            searchAttributes: [...programSearchAttributes],
          },
        }),
      ),
      timed(timings, 'database', (): Promise<TestDatabase> => createTestDatabase()),
    ]);
    // Register whichever came up before looking at failures, so a half-started stack is still torn down.
    if (temporalResult.status === 'fulfilled') cleanups.push(() => temporalResult.value.teardown());
    if (databaseResult.status === 'fulfilled') cleanups.push(() => databaseResult.value.drop());
    if (temporalResult.status === 'rejected') throw temporalResult.reason;
    if (databaseResult.status === 'rejected') throw databaseResult.reason;
    const temporal = temporalResult.value;
    const database = databaseResult.value;

    const [apiPort, webPort] = await Promise.all([freePort(), freePort()]);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webOrigin = `http://127.0.0.1:${webPort}`;
    // A real SMTP server for invitation mail, and a real OpenID Connect provider process for single sign-on.
    const mailbox = await timed(timings, 'mailbox', () => startMailbox());
    cleanups.push(() => mailbox.close());
    const provider = await timed(timings, 'oidc', () =>
      spawnOidcProvider({
        clients: [{ ...IDP_CLIENT, redirectUris: [`${webOrigin}/api/auth/sso/callback`] }],
        accounts: [IDP_OWNER],
      }),
    );
    cleanups.push(() => provider.close());
    const serviceEnv = {
      TEMPORAL_ADDRESS: temporal.address,
      DATABASE_URL: database.url,
      NODE_ENV: 'production',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      PUBLIC_WEB_URL: webOrigin,
    };

    const worker = startService(
      'worker',
      [join(repoRoot, 'apps/worker/dist/main.js')],
      serviceEnv,
      join(logDir, 'worker.log'),
    );
    cleanups.push(() => worker.stop());
    const api = startService(
      'api',
      [join(repoRoot, 'apps/api/dist/main.js')],
      { ...serviceEnv, PORT: String(apiPort), CORS_ORIGINS: webOrigin },
      join(logDir, 'api.log'),
    );
    cleanups.push(() => api.stop());

    await Promise.all([
      // The API's /health covers PostgreSQL and Temporal but not the worker, so the worker is awaited by its own
      // start-up line; without it the first program would show the database fallback instead of live state.
      timed(timings, 'worker', () => worker.waitForOutput(/worker polling/i, 120_000)),
      timed(timings, 'api', () => waitForHttpOk(`${apiUrl}/health`, api, 60_000)),
    ]);

    const server: PreviewServer = await timed(timings, 'web', () =>
      preview({
        root: webDir,
        configFile: false,
        logLevel: 'warn',
        preview: { host: '127.0.0.1', port: webPort, strictPort: true, proxy: apiProxy(apiUrl) },
      }),
    );
    cleanups.push(() => server.close());
    await waitForHttpOk(`${webOrigin}/api/health`, api, 10_000);

    // The people of the browser tests come from the real first-run command, as under `npm start`.
    const accounts = await timed(timings, 'firstRun', () =>
      runFirstRun({ ...serviceEnv }, join(logDir, 'first-run.log')),
    );

    return {
      webUrl: webOrigin,
      apiUrl,
      mailboxUrl: mailbox.url,
      issuer: provider.issuer,
      accounts,
      timings,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
