import { readFile } from 'node:fs/promises';

import autocannon from 'autocannon';

export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

export function line(label, { p50, p95, p99, n }, extra = '') {
  const f = (v) => `${v.toFixed(1)} ms`;
  return `${label.padEnd(46)} p50 ${f(p50)}  p95 ${f(p95)}  p99 ${f(p99)}  (n=${n}${extra})`;
}

/** autocannon against the API; latencies come from every response (autocannon's own summary has no p95). */
export async function load({
  url,
  headers,
  connections = 50,
  duration,
  amount,
  requests,
  expectStatus = 200,
  tolerateErrors = false,
}) {
  const samples = [];
  const statuses = new Map();
  const options = {
    url,
    headers,
    connections,
    ...(amount ? { amount } : { duration }),
    ...(requests ? { requests } : {}),
  };
  const instance = autocannon(options);
  instance.on('response', (_client, status, _bytes, responseTime) => {
    samples.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  await instance;
  const unexpected = [...statuses].filter(([status]) => status !== expectStatus);
  if (unexpected.length > 0 && !tolerateErrors) {
    throw new Error(`${url}: unexpected statuses ${JSON.stringify(unexpected)}`);
  }
  // Reported, not hidden: e.g. 503 when an update waited longer than TEMPORAL_RPC_TIMEOUT_MS.
  return { ...percentiles(samples), statuses: Object.fromEntries(statuses) };
}

/** Resident memory of a process, in MiB (Linux). */
export async function rssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU time (user + system, seconds) of every process on the machine, by pid, with its command name (Linux). */
export async function cpuByProcess() {
  const { readdir } = await import('node:fs/promises');
  const ticks = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
      ticks.set(Number(entry), { comm, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks;
}

/** Where the CPU went between two `cpuByProcess()` snapshots: named pids first, the rest by command name. */
export function cpuSpent(before, after, names) {
  const spent = new Map();
  for (const [pid, { comm, seconds }] of after) {
    const used = seconds - (before.get(pid)?.seconds ?? 0);
    if (used <= 0) continue;
    const label = names[pid] ?? comm;
    spent.set(label, (spent.get(label) ?? 0) + used);
  }
  return [...spent]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([label, seconds]) => `${label} ${seconds.toFixed(1)} s`)
    .join(', ');
}
