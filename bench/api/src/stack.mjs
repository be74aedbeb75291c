// The real system for the benchmark: a Temporal dev server, a fresh PostgreSQL database, the built worker and API
// as separate processes, and the first-run demo accounts.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { programSearchAttributes } from '@certflow/contracts';
import { createTestDatabase } from '@certflow/db/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SMTPServer } from 'smtp-server';

const repo = (path) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

// BENCH_PROFILE=<folder>: the API and the worker write V8 CPU profiles there when they stop (open them in
// Chrome's DevTools or speedscope) — where the time of a slow figure goes.
const profileArgs = (name) =>
  process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];

function start(name, script, env) {
  const child = spawn(process.execPath, [...profileArgs(name), script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null || Date.now() > until)
          throw new Error(`${name} did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** A real SMTP server that takes every mail, as a working mail relay would: failing mail retries are not the bench. */
async function startMailSink() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Reverse DNS on each connection stalls for seconds on machines without a resolver.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback());
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function startStack() {
  const cli = process.env.TEMPORAL_CLI_PATH;
  if (!cli || !process.env.TEST_DATABASE_URL) {
    throw new Error('set TEMPORAL_CLI_PATH and TEST_DATABASE_URL (npm test prints both)');
  }
  const [temporal, db, mail] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli },
        searchAttributes: [...programSearchAttributes],
      },
    }),
    createTestDatabase(),
    startMailSink(),
  ]);
  const port = await freePort();
  const env = {
    TEMPORAL_ADDRESS: temporal.address,
    DATABASE_URL: db.url,
    NODE_ENV: 'production',
    PORT: String(port),
    // The bench signs in a handful of times from one address.
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
  };
  const worker = start('worker', repo('apps/worker/dist/main.js'), env);
  const api = start('api', repo('apps/api/dist/main.js'), env);
  await Promise.all([worker.waitFor(/worker polling/i, 120_000), api.waitFor(/Certflow API on/, 60_000)]);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [repo('apps/api/dist/cli/first-run.js'), 'demo', '--json'],
    {
      env: { ...process.env, ...env },
    },
  );
  const seeded = JSON.parse(stdout.trim().split('\n').at(-1));
  return {
    base: `http://127.0.0.1:${port}`,
    db,
    seeded,
    api,
    worker,
    async stop() {
      await api.stop();
      await worker.stop();
      await temporal.teardown();
      await db.drop();
      await mail.close();
    },
  };
}
