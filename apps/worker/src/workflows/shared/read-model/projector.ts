import type { ReadModelDelta, ReadModelMilestoneRow, ReadModelRows } from '@certflow/contracts';

/**
 * Turns a program's read-model rows into the delta since the last projection of this run: only rows whose content
 * changed, so activity inputs (which the workflow history keeps) stay small. It remembers a 53-bit hash per row
 * rather than the row itself, so a cached program costs a few kilobytes. A new run (continue-as-new, or a replay
 * from the start) remembers nothing and sends everything once; the activity's versioned upsert makes that
 * harmless. Deterministic: the same snapshots give the same deltas on replay.
 */
export class ReadModelProjector<S> {
  private readonly seen = new Map<string, number>();

  constructor(private readonly rowsOf: (snapshot: S) => ReadModelRows) {}

  /** The rows that changed, at version (`sequence`, `at`); undefined when nothing did. */
  delta(snapshot: S, sequence: number, at: string): ReadModelDelta | undefined {
    const rows = this.rowsOf(snapshot);
    const delta: ReadModelDelta = { sequence, at };
    const keep = <T>(key: string, row: T): boolean => {
      const hash = hashOf(JSON.stringify(row));
      if (this.seen.get(key) === hash) return false;
      this.seen.set(key, hash);
      return true;
    };
    if (keep('program', rows.program)) delta.program = rows.program;
    const changedOf = <T>(kind: string, list: T[], key: (row: T) => string | number) => {
      const out = list.filter((row) => keep(`${kind}:${key(row)}`, row));
      return out.length > 0 ? out : undefined;
    };
    const tasks = changedOf('task', rows.tasks, (t) => t.id);
    const findings = changedOf('finding', rows.findings, (f) => f.id);
    const certificates = changedOf('certificate', rows.certificates, (c) => c.cycle);
    const periods = changedOf('period', rows.periods, (p) => p.number);
    const reports = changedOf('report', rows.reports, (r) => `${r.type}:${r.periodNumber}`);
    const bridgeLetters = changedOf('letter', rows.bridgeLetters, (b) => `${b.afterPeriod}:${b.to}`);
    if (tasks) delta.tasks = tasks;
    if (findings) delta.findings = findings;
    if (certificates) delta.certificates = certificates;
    if (periods) delta.periods = periods;
    if (reports) delta.reports = reports;
    if (bridgeLetters) delta.bridgeLetters = bridgeLetters;
    this.milestones(rows, delta, keep);
    if (rows.coverageGaps && keep('coverage-gaps', rows.coverageGaps)) delta.coverageGaps = rows.coverageGaps;
    // `sequence` and `at` are always there; anything else is a change.
    return Object.keys(delta).length > 2 ? delta : undefined;
  }

  /**
   * A complete cycle whose set of kinds changed is sent whole (the activity then removes its other rows); otherwise
   * only changed rows go.
   */
  private milestones(
    rows: ReadModelRows,
    delta: ReadModelDelta,
    keep: (key: string, row: unknown) => boolean,
  ): void {
    const out: ReadModelMilestoneRow[] = [];
    const replaced: number[] = [];
    for (const cycle of rows.completeCycles) {
      const kinds = rows.milestones.filter((m) => m.cycle === cycle).map((m) => m.kind);
      if (keep(`milestone-set:${cycle}`, kinds)) replaced.push(cycle);
    }
    for (const row of rows.milestones) {
      const changed = keep(`milestone:${row.cycle}:${row.kind}`, row);
      if (changed || replaced.includes(row.cycle)) out.push(row);
    }
    if (out.length > 0 || replaced.length > 0) {
      delta.milestones = out;
      delta.completeCycles = replaced;
    }
  }
}

/** cyrb53: a fast 53-bit string hash; collisions are negligible for the few dozen rows a program has. */
export function hashOf(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
