// Opens N ISO programs (default 1,000) on the Temporal dev server and completes each one's gap assessment with 20
// gaps, leaving 20 open remediation tasks per program (20,000 in all). The worker runs as a child process
// (worker-child.mjs) so its RSS is its own. Targets: ≥ 50 program starts/s, worker RSS < 1 GiB.
//   TEMPORAL_CLI_PATH=... TEST_DATABASE_URL=... pnpm --filter @certflow/bench-workflows bench:open-programs
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeGapAssessmentUpdate, programWorkflowTypes } from '@certflow/contracts';
import { createTestDatabase } from '@certflow/db/testing';
import { createDevServerEnv } from '@certflow/testkit';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  forEachLimited,
  intFromEnv,
  mib,
  requireEnv,
  seconds,
  seedPrograms,
  startSmtpCatcher,
  waitFor,
} from './support.mjs';

const PROGRAMS = intFromEnv('BENCH_PROGRAMS', 1000);
const TASKS_PER_PROGRAM = intFromEnv('BENCH_TASKS', 20);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 50);
const HARD_LIMIT_MS = intFromEnv('BENCH_TIME_LIMIT_MS', 900_000);
const PHASE_LIMIT_MS = intFromEnv('BENCH_PHASE_LIMIT_MS', 600_000);
const START_TARGET_PER_S = 50;
const RSS_TARGET = 1024 ** 3;

requireEnv('TEMPORAL_CLI_PATH');
requireEnv('TEST_DATABASE_URL');
Runtime.install({ logger: new DefaultLogger('WARN') });

let cleanup = async () => undefined;
const hardStop = setTimeout(() => {
  console.error(`open-programs bench exceeded ${HARD_LIMIT_MS} ms; tearing down and exiting`);
  void Promise.race([cleanup(), new Promise((r) => setTimeout(r, 20_000))]).finally(() => process.exit(2));
}, HARD_LIMIT_MS);
hardStop.unref();

const today = new Date().toISOString().slice(0, 10);
const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const gaps = Array.from({ length: TASKS_PER_PROGRAM }, (_, i) => ({
  title: `Close gap ${i + 1}`,
  ownerEmail: `owner${i + 1}@bench.test`,
  dueDate: inDays(30 + i),
  requirementIds: ['iso27001:A.5.1'],
}));

/** Asks the worker process for its RSS and sticky-cache size. */
function workerStatus(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('worker did not answer a status request within 5 s')),
      5_000,
    );
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    child.send('status');
  });
}

const setupStart = performance.now();
const dataDir = await mkdtemp(join(tmpdir(), 'certflow-bench-'));
const [env, db, smtp] = await Promise.all([
  // A file-backed SQLite with the SDK CI's pragmas: the in-memory default holds everything in the server's heap.
  createDevServerEnv({
    server: {
      dbFilename: join(dataDir, 'temporal.sqlite'),
      extraArgs: ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF'],
    },
  }),
  createTestDatabase(),
  startSmtpCatcher(),
]);
let child;
const childExited = () => child && (child.exitCode !== null || child.signalCode !== null);
cleanup = async () => {
  if (child && !childExited()) {
    const exited = new Promise((r) => child.once('exit', r));
    child.send('stop');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (!childExited()) child.kill('SIGKILL');
  }
  await Promise.allSettled([env.teardown(), db.drop(), smtp.close()]);
  await rm(dataDir, { recursive: true, force: true });
};

try {
  const programs = await seedPrograms(db.prisma, PROGRAMS);
  const taskQueue = `bench-open-programs-${randomUUID()}`;
  child = fork(fileURLToPath(new URL('./worker-child.mjs', import.meta.url)), {
    // The heap bound of apps/worker's start script; the SDK sizes the sticky cache from it.
    execArgv: [`--max-old-space-size=${process.env.WORKER_HEAP_MB ?? 512}`],
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_PORT: String(smtp.port),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start within 60 s')), 60_000);
    child.once('message', () => (clearTimeout(timer), resolve()));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} during start-up`)));
  });
  console.log(
    `set-up (dev server, database, SMTP, worker process, ${PROGRAMS} seeded programs): ${seconds(performance.now() - setupStart)}`,
  );

  let peakRss = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling && !childExited()) {
      const s = await workerStatus(child);
      peakRss = Math.max(peakRss, s.rss);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  })();

  // Phase 1: starts, CONCURRENCY in flight (like an API under load), each resolved once the server has it.
  const t0 = performance.now();
  await forEachLimited(programs, CONCURRENCY, async (p) => {
    p.handle = await env.client.workflow.start(programWorkflowTypes.ISO_CERTIFICATION, {
      args: [
        {
          programId: p.programId,
          organizationId: p.organizationId,
          frameworks: ['iso27001'],
          startDate: today,
          programManagerEmail: 'pm@bench.test',
        },
      ],
      workflowId: p.workflowId,
      taskQueue,
    });
  });
  const startMs = performance.now() - t0;

  // Phase 2: each gap assessment completes with 20 gaps; the update returns once the tasks are open in the
  // workflow's state. Their effects (audit rows, assignment emails) follow asynchronously.
  const t1 = performance.now();
  let openTasks = 0;
  await forEachLimited(programs, CONCURRENCY, async (p) => {
    const state = await p.handle.executeUpdate(completeGapAssessmentUpdate, {
      args: [{ actor: 'lead@bench.test', completedOn: today, gaps }],
    });
    openTasks += state.tasks.filter((t) => t.status === 'OPEN').length;
  });
  const updatesMs = performance.now() - t1;
  const openMs = performance.now() - t0;
  if (openTasks !== PROGRAMS * TASKS_PER_PROGRAM)
    throw new Error(`expected ${PROGRAMS * TASKS_PER_PROGRAM} open tasks, the updates returned ${openTasks}`);
  const atOpen = await workerStatus(child);

  // Phase 3: every task's effects written (audit row per task; one email per task, sent or given up on), and
  // every task in the read model (remediation_tasks, written with the audit rows).
  const expected = PROGRAMS * TASKS_PER_PROGRAM;
  let readModelMs;
  await waitFor(
    `${expected} task.created audit rows and ${expected} emails sent or given up`,
    async () => {
      const [rows, emails, failed, projected] = await Promise.all([
        db.prisma.auditEvent.count({ where: { type: 'task.created' } }),
        db.prisma.notification.count({ where: { status: 'SENT' } }),
        db.prisma.auditEvent.count({ where: { type: 'notification.failed' } }),
        db.prisma.remediationTask.count(),
      ]);
      if (projected >= expected && readModelMs === undefined) readModelMs = performance.now() - t0;
      return rows >= expected && emails + failed >= expected && projected >= expected;
    },
    { timeoutMs: PHASE_LIMIT_MS, intervalMs: 1_000 },
  );
  const drainedMs = performance.now() - t0;
  const drained = await workerStatus(child);
  sampling = false;
  await sampler;
  peakRss = Math.max(peakRss, drained.rss);
  const sent = await db.prisma.notification.count({ where: { status: 'SENT' } });
  const gaveUp = await db.prisma.auditEvent.count({ where: { type: 'notification.failed' } });

  console.log(
    `\n${PROGRAMS} programs × ${TASKS_PER_PROGRAM} open remediation tasks, concurrency ${CONCURRENCY}`,
  );
  console.log(
    `starts: ${seconds(startMs)} — ${(PROGRAMS / (startMs / 1000)).toFixed(1)} starts/s (target ≥ ${START_TARGET_PER_S}/s: ${PROGRAMS / (startMs / 1000) >= START_TARGET_PER_S ? 'met' : 'MISSED'})`,
  );
  console.log(
    `gap-assessment updates: ${seconds(updatesMs)} — ${(PROGRAMS / (updatesMs / 1000)).toFixed(1)} updates/s`,
  );
  console.log(`all ${openTasks} tasks open in workflow state: ${seconds(openMs)} after the first start`);
  console.log(
    `all task effects written (${expected} audit rows, ${sent} emails sent, ${gaveUp} given up, ${smtp.accepted()} accepted by SMTP): ${seconds(drainedMs)} after the first start`,
  );
  console.log(
    `all ${expected} tasks in the read model (remediation_tasks): ${seconds(readModelMs)} after the first start`,
  );
  console.log(
    `worker RSS: ${mib(atOpen.rss)} when the tasks were open, ${mib(drained.rss)} after the effects, peak ${mib(peakRss)} (target < 1024 MiB: ${peakRss < RSS_TARGET ? 'met' : 'MISSED'})`,
  );
  console.log(
    `cached workflows: ${atOpen.cached} when the tasks were open, ${drained.cached} after the effects`,
  );
} finally {
  await cleanup();
  clearTimeout(hardStop);
}
