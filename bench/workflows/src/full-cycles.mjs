// Drives N ISO 27001 + 42001 programs (default 100) through a whole certification cycle and into the next one on the
// time-skipping test server, with the worker's real activities (PostgreSQL, SMTP). Time is global to the test
// server, so the programs move in lockstep: advance the clock to a date, then send every program that day's
// updates concurrently. Target: the whole run under 60 s of wall time on a 2-core machine.
//   TEMPORAL_TEST_SERVER_PATH=... TEST_DATABASE_URL=... pnpm --filter @certflow/bench-workflows bench:full-cycles
import { randomUUID } from 'node:crypto';
import {
  closeFindingUpdate,
  completeGapAssessmentUpdate,
  completeTaskUpdate,
  endProgramUpdate,
  programWorkflowTypes,
  reassignTaskUpdate,
  recordAuditOutcomeUpdate,
  recordCertificationDecisionUpdate,
  scheduleAuditUpdate,
  startOfDayMs,
} from '@certflow/contracts';
import { createTestDatabase } from '@certflow/db/testing';
import { createTimeSkippingEnv } from '@certflow/testkit';
import { createActivities } from '@certflow/worker/dist/activities/index.js';
import { createProgramWorker } from '@certflow/worker/dist/worker.js';
import { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { intFromEnv, requireEnv, seconds, seedPrograms, startSmtpCatcher, waitFor } from './support.mjs';

const PROGRAMS = intFromEnv('BENCH_PROGRAMS', 100);
const TARGET_SECONDS = 60;
// Everything (set-up, run, history reads) must finish within this, whatever the servers do.
const HARD_LIMIT_MS = intFromEnv('BENCH_TIME_LIMIT_MS', 600_000);

// One scenario day (every program's updates) must finish within this.
const STEP_LIMIT_MS = intFromEnv('BENCH_STEP_LIMIT_MS', 120_000);
const VERBOSE = process.env.BENCH_VERBOSE === '1';

const actor = 'lead@bench.test';
const evidence = [{ title: 'Signed record', uri: 'https://docs.bench.test/evidence/1' }];

requireEnv('TEMPORAL_TEST_SERVER_PATH');
requireEnv('TEST_DATABASE_URL');
Runtime.install({ logger: new DefaultLogger('WARN') });

// Past the limit: tear the servers and the database down (bounded too), then exit.
let cleanup = async () => undefined;
const hardStop = setTimeout(() => {
  console.error(`full-cycles bench exceeded ${HARD_LIMIT_MS} ms; tearing down and exiting`);
  void Promise.race([cleanup(), new Promise((r) => setTimeout(r, 20_000))]).finally(() => process.exit(2));
}, HARD_LIMIT_MS);
hardStop.unref();

/** Each day of the scenario: the date the clock moves to, then what every program does that day. */
const scenario = [
  [
    '2031-07-01',
    async (p) => {
      const s = await p.handle.executeUpdate(completeGapAssessmentUpdate, {
        args: [
          {
            actor,
            completedOn: '2031-07-01',
            gaps: [
              {
                title: 'Define the AI policy',
                ownerEmail: 'ciso@bench.test',
                dueDate: '2031-09-30',
                requirementIds: ['iso42001:5.2'],
              },
              {
                title: 'Run access reviews',
                ownerEmail: 'it@bench.test',
                dueDate: '2031-10-15',
                requirementIds: ['iso27001:A.5.18'],
              },
            ],
          },
        ],
      });
      [p.policyTask, p.accessTask] = s.tasks;
    },
  ],
  [
    '2031-09-10',
    (p) =>
      p.handle.executeUpdate(reassignTaskUpdate, {
        args: [{ actor, taskId: p.policyTask.id, ownerEmail: 'dpo@bench.test' }],
      }),
  ],
  [
    '2031-09-20',
    (p) =>
      p.handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor, taskId: p.policyTask.id, completedOn: '2031-09-20', evidence }],
      }),
  ],
  // The access review is overdue by now: reminders and an escalation went out on the way.
  [
    '2031-10-20',
    (p) =>
      p.handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor, taskId: p.accessTask.id, completedOn: '2031-10-20', evidence }],
      }),
  ],
  [
    '2031-11-10',
    async (p) => {
      await p.handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'internal-audit', lastDay: '2031-11-03' }],
      });
      await p.handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'management-review', lastDay: '2031-11-10' }],
      });
      await p.handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'stage1', date: '2031-12-01' }],
      });
    },
  ],
  [
    '2031-12-02',
    async (p) => {
      await p.handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'stage1', lastDay: '2031-12-02' }],
      });
      await p.handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'stage2', date: '2032-01-26' }],
      });
    },
  ],
  [
    '2032-01-28',
    async (p) => {
      const s = await p.handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [
          {
            actor,
            audit: 'stage2',
            lastDay: '2032-01-28',
            findings: [
              {
                severity: 'MAJOR',
                description: 'Risk treatment plan missing',
                requirementIds: ['iso27001:6.1.3'],
              },
              {
                severity: 'MINOR',
                description: 'AI impact assessments incomplete',
                requirementIds: ['iso42001:8.4'],
                ownerEmail: 'ai@bench.test',
              },
            ],
          },
        ],
      });
      [p.major, p.minor] = s.findings;
    },
  ],
  [
    '2032-02-20',
    async (p) => {
      await p.handle.executeUpdate(closeFindingUpdate, {
        args: [{ actor, findingId: p.major.id, on: '2032-02-20', resolution: 'CLOSED' }],
      });
      await p.handle.executeUpdate(closeFindingUpdate, {
        args: [{ actor, findingId: p.minor.id, on: '2032-02-20', resolution: 'PLAN_ACCEPTED' }],
      });
      for (const f of [p.major, p.minor]) {
        await p.handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor, taskId: f.taskId, completedOn: '2032-02-20', evidence }],
        });
      }
    },
  ],
  [
    '2032-02-29',
    async (p) => {
      const s = await p.handle.executeUpdate(recordCertificationDecisionUpdate, {
        args: [{ actor, decidedOn: '2032-02-29' }],
      });
      expectStage(p, s, 'SURVEILLANCE_1');
    },
  ],
  [
    '2033-01-10',
    (p) =>
      p.handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'surveillance1', date: '2033-02-14' }],
      }),
  ],
  [
    '2033-02-15',
    (p) =>
      p.handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'surveillance1', lastDay: '2033-02-15', verifiedFindingIds: [p.minor.id] }],
      }),
  ],
  [
    '2034-01-05',
    (p) =>
      p.handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'surveillance2', date: '2034-02-01' }],
      }),
  ],
  [
    '2034-02-02',
    async (p) => {
      const s = await p.handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'surveillance2', lastDay: '2034-02-02' }],
      });
      expectStage(p, s, 'RECERTIFICATION');
    },
  ],
  [
    '2034-12-01',
    (p) =>
      p.handle.executeUpdate(scheduleAuditUpdate, {
        args: [{ actor, audit: 'recertification', date: '2035-01-15' }],
      }),
  ],
  [
    '2035-01-16',
    (p) =>
      p.handle.executeUpdate(recordAuditOutcomeUpdate, {
        args: [{ actor, audit: 'recertification', lastDay: '2035-01-16' }],
      }),
  ],
  // The recertification decision continues the workflow as new: cycle 2 is a new run under the same id.
  [
    '2035-02-01',
    (p) =>
      p.handle.executeUpdate(recordCertificationDecisionUpdate, {
        args: [{ actor, decidedOn: '2035-02-01' }],
      }),
  ],
];

function expectStage(p, state, stage) {
  if (state.stage !== stage) throw new Error(`${p.workflowId}: expected stage ${stage}, got ${state.stage}`);
}

async function sleepUntil(env, date) {
  const ms = startOfDayMs(date) + 12 * 3_600_000 - (await env.currentTimeMs());
  if (ms <= 0) throw new Error(`the test server is already past ${date}`);
  await env.sleep(ms);
}

async function withinMs(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function countEvents(handle) {
  let n = 0;
  const history = await handle.fetchHistory();
  n = history.events?.length ?? 0;
  return n;
}

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `min ${sorted[0]}, median ${at(0.5)}, max ${sorted.at(-1)}`;
};

const setupStart = performance.now();
const [env, db, smtp] = await Promise.all([
  createTimeSkippingEnv(),
  createTestDatabase(),
  startSmtpCatcher(),
]);
cleanup = () => Promise.allSettled([env.teardown(), db.drop(), smtp.close()]);
try {
  const programs = await seedPrograms(db.prisma, PROGRAMS, ['iso27001', 'iso42001']);
  const plainClient = new Client({ connection: env.connection });
  const taskQueue = `bench-full-cycles-${randomUUID()}`;
  // The production factories: the prebuilt workflow bundle from `pnpm --filter @certflow/worker build` and the
  // activities main.ts hands to the worker.
  const worker = await createProgramWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({
      prisma: db.prisma,
      mail: { transport: smtp.transport, from: 'Certflow <bench@certflow.test>' },
    }),
  });
  await sleepUntil(env, '2031-06-02');
  console.log(
    `set-up (test server, database, SMTP, worker, ${PROGRAMS} seeded programs): ${seconds(performance.now() - setupStart)}`,
  );

  const dayTimes = [];
  const runStart = performance.now();
  await worker.runUntil(async () => {
    await Promise.all(
      programs.map(async (p) => {
        p.handle = await env.client.workflow.start(programWorkflowTypes.ISO_CERTIFICATION, {
          args: [
            {
              programId: p.programId,
              organizationId: p.organizationId,
              frameworks: ['iso27001', 'iso42001'],
              startDate: '2031-06-02',
              programManagerEmail: 'pm@bench.test',
              config: { certificationBody: 'Example CB', gapAssessmentDays: 90 },
            },
          ],
          workflowId: p.workflowId,
          taskQueue,
        });
        p.firstRunId = p.handle.firstExecutionRunId;
      }),
    );
    dayTimes.push(['start', performance.now() - runStart]);

    for (const [date, act] of scenario) {
      const t0 = performance.now();
      await sleepUntil(env, date);
      await withinMs(STEP_LIMIT_MS, date, Promise.all(programs.map(act)));
      dayTimes.push([date, performance.now() - t0]);
      if (VERBOSE) console.log(`${date} done in ${seconds(performance.now() - t0)}`);
    }

    // Cycle 2 runs under the same workflow id once the first run has continued as new.
    const t0 = performance.now();
    await Promise.all(
      programs.map(async (p) => {
        const handle = env.client.workflow.getHandle(p.workflowId);
        await waitFor(
          `${p.workflowId} to continue as new`,
          async () => (p.secondRunId = (await handle.describe()).runId) !== p.firstRunId,
          {
            timeoutMs: 60_000,
            intervalMs: 100,
          },
        );
        // A plain client's handle: the time-skipping client's result() unlocks the server clock around each call,
        // and a hundred concurrent calls drive the Java server's lock count below zero ("Unbalanced lock and
        // unlock calls"), after which it stops answering. Ending a program needs no clock anyway.
        p.next = plainClient.workflow.getHandle(p.workflowId);
      }),
    );
    dayTimes.push(['cycle 2 runs', performance.now() - t0]);

    // Surveillance 1 of cycle 2 (due at the end of the cycle's first year, 2036-02-29) is missed: its deadline timer
    // fires and suspends the certificate; then every program ends.
    const t1 = performance.now();
    await sleepUntil(env, '2036-03-01');
    await Promise.all(
      programs.map(async (p) => {
        await p.next.executeUpdate(endProgramUpdate, { args: [{ actor, reason: 'benchmark finished' }] });
        const final = await p.next.result();
        expectStage(p, final, 'ENDED');
      }),
    );
    dayTimes.push(['2036-03-01 end', performance.now() - t1]);
  });
  const runMs = performance.now() - runStart;

  // Counted after the clock stops: history reads are not part of the measured run.
  const firstRunEvents = [];
  const secondRunEvents = [];
  for (const p of programs) {
    firstRunEvents.push(await countEvents(env.client.workflow.getHandle(p.workflowId, p.firstRunId)));
    secondRunEvents.push(await countEvents(env.client.workflow.getHandle(p.workflowId, p.secondRunId)));
  }
  const auditRows = await db.prisma.auditEvent.count();
  const sentMails = await db.prisma.notification.count({ where: { status: 'SENT' } });

  console.log('\nphase                       wall');
  for (const [label, ms] of dayTimes) console.log(`${label.padEnd(26)} ${seconds(ms).padStart(8)}`);
  console.log(
    `\n${PROGRAMS} programs, full cycle 2031-06-02 → 2035-02-01 plus cycle 2 to 2036-03-01 (continue-as-new, end)`,
  );
  console.log(
    `wall time: ${seconds(runMs)} — ${runMs / 1000 < TARGET_SECONDS ? 'within' : 'OVER'} the ${TARGET_SECONDS} s target`,
  );
  console.log(`throughput: ${(PROGRAMS / (runMs / 1000)).toFixed(2)} programs/s`);
  console.log(`history events per program, cycle 1 run: ${summary(firstRunEvents)}`);
  console.log(`history events per program, cycle 2 run: ${summary(secondRunEvents)}`);
  console.log(
    `audit rows: ${auditRows} (${(auditRows / PROGRAMS).toFixed(1)} per program), emails sent: ${sentMails}, SMTP accepted: ${smtp.accepted()}`,
  );
} finally {
  await cleanup();
  clearTimeout(hardStop);
}
