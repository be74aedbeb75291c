// How long after an update returns the read model shows it. Opens N ISO programs (default 20) with 5 tasks each,
// then reassigns tasks: first one update at a time, then BENCH_CONCURRENCY (default 20) at once, and for each
// measures the time from the update's return to the moment `remediation_tasks` holds the new owner (polled every
// 5 ms). The worker runs as a child process, as in open-programs. Prints p50/p95/p99/max; asserts nothing.
//   TEMPORAL_CLI_PATH=... TEST_DATABASE_URL=... pnpm --filter @certflow/bench-workflows bench:read-model-lag
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { completeGapAssessmentUpdate, programWorkflowTypes, reassignTaskUpdate } from '@certflow/contracts';
import { createTestDatabase } from '@certflow/db/testing';
import { createDevServerEnv } from '@certflow/testkit';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  forEachLimited,
  intFromEnv,
  requireEnv,
  seedPrograms,
  startSmtpCatcher,
  waitFor,
} from './support.mjs';

const PROGRAMS = intFromEnv('BENCH_PROGRAMS', 20);
const ROUNDS = intFromEnv('BENCH_ROUNDS', 200);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 20);
requireEnv('TEMPORAL_CLI_PATH');
requireEnv('TEST_DATABASE_URL');
Runtime.install({ logger: new DefaultLogger('WARN') });

const today = new Date().toISOString().slice(0, 10);
const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const [env, db, smtp] = await Promise.all([createDevServerEnv(), createTestDatabase(), startSmtpCatcher()]);
let child;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function report(label, lags) {
  const sorted = [...lags].sort((a, b) => a - b);
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  console.log(
    `${label}: n=${sorted.length} p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, p99 ${fmt(percentile(sorted, 99))}, max ${fmt(sorted.at(-1))}`,
  );
}

try {
  const programs = await seedPrograms(db.prisma, PROGRAMS);
  const taskQueue = `bench-read-model-lag-${randomUUID()}`;
  child = fork(fileURLToPath(new URL('./worker-child.mjs', import.meta.url)), {
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
  await new Promise((resolve) => child.once('message', resolve));

  await forEachLimited(programs, 10, async (p) => {
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
    const state = await p.handle.executeUpdate(completeGapAssessmentUpdate, {
      args: [
        {
          actor: 'lead@bench.test',
          completedOn: today,
          gaps: Array.from({ length: 5 }, (_, i) => ({
            title: `Gap ${i + 1}`,
            ownerEmail: `owner${i + 1}@bench.test`,
            dueDate: inDays(30 + i),
          })),
        },
      ],
    });
    p.taskIds = state.tasks.map((t) => t.id);
  });
  await waitFor(
    'every task in the read model',
    async () => (await db.prisma.remediationTask.count()) === PROGRAMS * 5,
    { timeoutMs: 120_000 },
  );

  let round = 0;
  async function measure(p) {
    const n = round++;
    const taskId = p.taskIds[n % p.taskIds.length];
    const owner = `owner-${n}@bench.test`;
    await p.handle.executeUpdate(reassignTaskUpdate, {
      args: [{ actor: 'lead@bench.test', taskId, ownerEmail: owner }],
    });
    const returned = performance.now();
    for (;;) {
      const row = await db.prisma.remediationTask.findUnique({
        where: { id: taskId },
        select: { ownerEmail: true },
      });
      if (row?.ownerEmail === owner) return performance.now() - returned;
      if (performance.now() - returned > 60_000) throw new Error(`task ${taskId} never showed ${owner}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  const sequential = [];
  for (let i = 0; i < ROUNDS; i++) sequential.push(await measure(programs[i % PROGRAMS]));
  report('one update at a time, update return → row visible', sequential);

  const concurrent = [];
  const work = Array.from({ length: ROUNDS }, (_, i) => programs[i % PROGRAMS]);
  // One update per program at a time (updates to one program queue behind each other anyway).
  const lanes = Array.from({ length: Math.min(CONCURRENCY, PROGRAMS) }, (_, lane) =>
    work.filter((_, i) => i % Math.min(CONCURRENCY, PROGRAMS) === lane),
  );
  await Promise.all(
    lanes.map(async (items) => forEachLimited(items, 1, async (p) => concurrent.push(await measure(p)))),
  );
  report(
    `${Math.min(CONCURRENCY, PROGRAMS)} programs updated at once, update return → row visible`,
    concurrent,
  );
} finally {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.send('stop');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await Promise.allSettled([env.teardown(), db.drop(), smtp.close()]);
}
