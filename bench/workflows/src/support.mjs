// Shared pieces of the workflow benchmarks: environment checks, seeding, SMTP capture, bounded waits, RSS.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { programWorkflowId } from '@certflow/contracts';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export function requireEnv(name) {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set (see bench/workflows/README.md for the variables each bench needs).`);
  return value;
}

/** An integer from the environment, so a quick smoke run can shrink a bench without editing it. */
export function intFromEnv(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

/**
 * The organization and program rows the API would have created (audit events and notifications reference them),
 * inserted in bulk so seeding stays out of the measured time.
 */
export async function seedPrograms(prisma, count, frameworks = ['iso27001']) {
  const programs = Array.from({ length: count }, (_, i) => {
    const organizationId = randomUUID();
    const programId = randomUUID();
    return { organizationId, programId, workflowId: programWorkflowId(organizationId, programId), index: i };
  });
  const chunk = 500;
  for (let i = 0; i < programs.length; i += chunk) {
    const slice = programs.slice(i, i + chunk);
    await prisma.organization.createMany({
      data: slice.map((p) => ({
        id: p.organizationId,
        name: `Bench org ${p.index}`,
        slug: `bench-${p.organizationId}`,
      })),
    });
    await prisma.program.createMany({
      data: slice.map((p) => ({
        id: p.programId,
        organizationId: p.organizationId,
        name: `Bench ISMS ${p.index}`,
        kind: 'ISO_CERTIFICATION',
        frameworks,
        workflowId: p.workflowId,
      })),
    });
  }
  return programs;
}

/** A real SMTP server in this process that counts what it accepts (the activities send real mail to it). */
export async function startSmtpCatcher() {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Reverse DNS on each connection stalls for seconds on machines without a resolver.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted++;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  // Unpooled, like the transport apps/worker/src/main.ts builds: one SMTP connection per mail.
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    port,
    transport,
    accepted: () => accepted,
    close: async () => {
      transport.close();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `probe` until it returns true; throws after `timeoutMs` so no wait is unbounded. */
export async function waitFor(what, probe, { timeoutMs, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs `work(item)` for every item with at most `limit` in flight; rejects on the first failure. */
export async function forEachLimited(items, limit, work) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

export const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
