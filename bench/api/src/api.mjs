// API latency under load, against the built API and worker processes, real PostgreSQL and a real Temporal dev
// server: 200 programs (40 with real workflows), 20,000 remediation tasks, 200,000 audit events; then 50
// concurrent connections with real sessions on the program list, my tasks, one program's page and task
// completion through the workflow; and the memory of a streamed CSV export of the whole audit trail.
//   pnpm turbo run build --filter=@certflow/api --filter=@certflow/worker
//   TEMPORAL_CLI_PATH=… TEST_DATABASE_URL=… pnpm --filter @certflow/bench-api bench
import { loadavg } from 'node:os';

import { completionRequests } from './completion.mjs';
import { cpuByProcess, cpuSpent, line, load, rssMiB } from './measure.mjs';
import { seedScheduleRows } from './schedule-seed.mjs';
import { seedCost } from './cost-seed.mjs';
import { seedBulk } from './seed.mjs';
import { startStack } from './stack.mjs';

const REAL_PROGRAMS = 40;
const FINDINGS_PER_PROGRAM = 5;
const TOTAL = { programs: 200, tasks: 20_000, auditEvents: 200_000 };
const READ_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_ONLY=actions: the real workflows and task completion only (no bulk seed, reads or export), to iterate.
const actionsOnly = process.env.BENCH_ONLY === 'actions';
const origin = 'http://localhost:5173';

const stack = await startStack();
// Figures depend on what else the machine runs; print its load so they can be read in context.
const loadAverage = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');
try {
  const { base, db, seeded } = stack;
  const organizationId = seeded.organization.id;
  const accountOf = (role) => seeded.accounts.find((a) => a.role === role);
  const signIn = async (role) => {
    const who = accountOf(role);
    const res = await fetch(`${base}/auth/sign-in`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: who.email, password: who.password }),
    });
    if (!res.ok) throw new Error(`sign-in ${role}: ${res.status}`);
    return res.headers.getSetCookie()[0].split(';')[0];
  };
  const manager = await signIn('program_manager');
  const owner = await signIn('control_owner');
  const executive = await signIn('executive');
  const ownerEmail = accountOf('control_owner').email;

  // Real workflows, each holding corrective-action tasks for the control owner (imported open findings).
  let t0 = performance.now();
  const realPrograms = [];
  for (let i = 0; i < REAL_PROGRAMS; i++) {
    const res = await fetch(`${base}/organizations/${organizationId}/programs`, {
      method: 'POST',
      headers: { Origin: origin, Cookie: manager, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `Bench ISMS ${i}`,
        kind: 'ISO_CERTIFICATION',
        frameworks: ['iso27001'],
        startDate: '2026-11-02',
        programManagerEmail: accountOf('program_manager').email,
        config: { certificationBody: 'Bench CB' },
        existingCertificate: {
          certificateNumber: `B-${i}`,
          decisionDate: '2026-03-10',
          expiryDate: '2029-03-09',
          openFindings: Array.from({ length: FINDINGS_PER_PROGRAM }, (_, n) => ({
            severity: 'MINOR',
            description: `Bench finding ${n}`,
            requirementIds: ['iso27001:A.5.15'],
            raisedOn: '2026-10-01',
            ownerEmail,
          })),
        },
      }),
    });
    if (res.status !== 201) throw new Error(`create program: ${res.status} ${await res.text()}`);
    realPrograms.push((await res.json()).id);
  }
  const expectedTasks = REAL_PROGRAMS * FINDINGS_PER_PROGRAM;
  for (;;) {
    const projected = await db.prisma.remediationTask.count({
      where: { ownerEmail, programId: { in: realPrograms } },
    });
    if (projected >= expectedTasks) break;
    if (performance.now() - t0 > 300_000)
      throw new Error(`only ${projected} of ${expectedTasks} tasks projected`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(
    `${REAL_PROGRAMS} real workflows with ${expectedTasks} tasks, projected: ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  if (!actionsOnly) await readBenchmarks();
  async function readBenchmarks() {
    const existing = {
      programs: await db.prisma.program.count({ where: { organizationId } }),
      tasks: await db.prisma.remediationTask.count({ where: { organizationId } }),
      auditEvents: await db.prisma.auditEvent.count({ where: { organizationId } }),
    };
    const ms = await seedBulk(db.prisma, {
      organizationId,
      ownerEmail,
      programs: TOTAL.programs - existing.programs,
      tasks: TOTAL.tasks - existing.tasks,
      auditEvents: TOTAL.auditEvents - existing.auditEvents,
    });
    // The combined schedule's rows for the seeded programs (leadership, issue 12).
    const scheduleMs = await seedScheduleRows(db.prisma, { organizationId });
    const costMs = await seedCost(db.prisma, {
      organizationId,
      today: new Date().toISOString().slice(0, 10),
    });
    console.log(
      `cost seeded in ${(costMs / 1000).toFixed(1)} s: ${await db.prisma.budgetLine.count()} budget lines, ` +
        `${await db.prisma.costActual.count()} recorded costs, ${await db.prisma.programMilestone.count()} milestones`,
    );
    await db.prisma.$executeRawUnsafe('ANALYZE');
    const counts = {
      programs: await db.prisma.program.count({ where: { organizationId } }),
      tasks: await db.prisma.remediationTask.count({ where: { organizationId } }),
      mine: await db.prisma.remediationTask.count({ where: { organizationId, ownerEmail } }),
      auditEvents: await db.prisma.auditEvent.count({ where: { organizationId } }),
    };
    console.log(
      `seeded in ${(ms / 1000).toFixed(1)} s (set-based INSERT … SELECT): ${JSON.stringify(counts)}`,
    );

    const schedulePath = `/organizations/${organizationId}/schedule/combined`;
    const scheduleResponse = await fetch(`${base}${schedulePath}`, {
      headers: { Cookie: executive, 'Accept-Encoding': 'gzip' },
    });
    const gzippedKiB = Number(scheduleResponse.headers.get('content-length')) / 1024;
    const brotliKiB =
      Number(
        (
          await fetch(`${base}${schedulePath}`, { headers: { Cookie: executive, 'Accept-Encoding': 'br' } })
        ).headers.get('content-length'),
      ) / 1024;
    const schedule = await scheduleResponse.json();
    console.log(
      `schedule rows seeded in ${scheduleMs.toFixed(0)} ms; the combined schedule holds ` +
        `${schedule.items.length} items, ${schedule.conflicts.length} conflicts, ${schedule.suggestions.length} suggestions ` +
        `(${(JSON.stringify(schedule).length / 1024).toFixed(0)} KiB, ${gzippedKiB.toFixed(0)} KiB gzipped, ${brotliKiB.toFixed(0)} KiB in Brotli)`,
    );

    console.log(
      `\n50 connections, ${READ_SECONDS} s per read, real sessions (load average ${loadAverage()}):`,
    );
    const reads = [
      ['GET programs (program manager)', `/organizations/${organizationId}/programs`, manager],
      [
        'GET my-tasks?status=OPEN (control owner)',
        `/organizations/${organizationId}/my-tasks?status=OPEN`,
        owner,
      ],
      ['GET /programs/{id} (real workflow, live state)', `/programs/${realPrograms[0]}`, manager],
      ['GET audit-events (program manager)', `/organizations/${organizationId}/audit-events`, manager],
      ['GET schedule/combined, 200 programs (executive)', schedulePath, executive],
      // Leadership (issue 12, part B): the cost summary of all 200 programs, and the dashboard.
      [
        'GET cost/summary, 200 programs (executive)',
        `/organizations/${organizationId}/cost/summary`,
        executive,
      ],
      [
        'GET overview/dashboard (executive)',
        `/organizations/${organizationId}/overview/dashboard`,
        executive,
      ],
    ];
    for (const [label, path, cookie] of reads) {
      // As a browser asks: every browser accepts gzip, and large answers are sent compressed (ADR 0020).
      const target = {
        url: `${base}${path}`,
        headers: { Cookie: cookie, 'Accept-Encoding': 'gzip, deflate, br' },
      };
      await load({ ...target, connections: 10, duration: 2 }); // warm-up
      console.log(line(label, await load({ ...target, duration: READ_SECONDS })));
      // Requests still queued in the API from the run above finish first: one request waits behind them.
      await fetch(target.url, { headers: target.headers });
      // One connection: the time one request takes by itself (the service time), beside the queueing above.
      console.log(line('  the same, 1 connection', await load({ ...target, connections: 1, duration: 3 })));
    }

    // The cache's bad day (ADR 0020): the same reads while a program manager records a cost ten times a second.
    // Every change drops the organisation's cached answers, so many requests compute them again.
    const year = new Date().getUTCFullYear();
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const res = await fetch(`${base}/organizations/${organizationId}/cost/budget-lines`, {
          method: 'POST',
          headers: { Cookie: manager, Origin: origin, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            programId: realPrograms[writes % REAL_PROGRAMS],
            year,
            kind: 'tooling',
            label: `Bench licence ${writes}`,
            currency: 'EUR',
            amount: 100,
          }),
        });
        if (res.status !== 201) throw new Error(`budget line: ${res.status} ${await res.text()}`);
        writes++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    console.log(
      `\nThe same reads while a program manager records costs (each one drops the cached answers):`,
    );
    for (const [label, path, cookie] of reads.filter((_, i) => [0, 1, 4].includes(i))) {
      const target = {
        url: `${base}${path}`,
        headers: { Cookie: cookie, 'Accept-Encoding': 'gzip, deflate, br' },
      };
      const before = writes;
      const result = await load({ ...target, duration: READ_SECONDS });
      const perSecond = (writes - before) / READ_SECONDS;
      console.log(line(label, result, `, ${perSecond.toFixed(1)} changes/s`));
    }
    writing = false;
    await writer;

    // The whole trail as CSV while watching the API's resident memory.
    const pid = stack.api.child.pid;
    const before = await rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => void rssMiB(pid).then((v) => (peak = Math.max(peak, v))), 50);
    t0 = performance.now();
    const res = await fetch(`${base}/organizations/${organizationId}/audit-events.csv`, {
      headers: { Cookie: manager },
    });
    let bytes = 0;
    let rows = 0;
    for await (const chunk of res.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) rows++;
    }
    clearInterval(sampler);
    console.log(
      `\nCSV export of the audit trail: ${rows - 1} rows, ${(bytes / 1024 ** 2).toFixed(1)} MiB in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s; API RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB`,
    );
  }

  const tasks = await db.prisma.remediationTask.findMany({
    where: { ownerEmail, programId: { in: realPrograms }, status: 'OPEN' },
    select: { id: true, programId: true },
  });
  t0 = performance.now();
  const cpuBefore = await cpuByProcess();
  const completion = await completionRequests({ base, cookie: owner, origin, tasks });
  const completed = await load({
    ...completion,
    connections: 50,
    amount: tasks.length,
    tolerateErrors: true,
  });
  console.log(
    line(
      'complete a task (through the workflow)',
      completed,
      `, statuses ${JSON.stringify(completed.statuses)}, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    ),
  );

  const names = { [stack.api.child.pid]: 'api', [stack.worker.child.pid]: 'worker', [process.pid]: 'bench' };
  console.log(`  CPU during completion: ${cpuSpent(cpuBefore, await cpuByProcess(), names)}`);
  console.log(`load average at the end: ${loadAverage()} (2 cores)`);
} finally {
  await stack.stop();
}
