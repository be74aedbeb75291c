import {
  type FindingInput,
  isoCertificationStartInputSchema,
  type IsoCertificationStartInput,
  startOfDayMs,
} from '@certflow/contracts';
import { expect } from 'vitest';
import { IsoProgram } from '../../src/workflows/iso-certification/iso-program.js';
import { RejectedAction } from '../../src/workflows/shared/rejected-action.js';

// The ISO rules without Temporal: a fake clock (noon UTC of a chosen day) and counting ids. States are reached
// only through the rule methods, as the workflow would; the workflow tests check the same machine on real servers.

let now = 0;
let ids = 0;

/** Moves the fake clock to noon UTC of `date`. */
export function at(date: string): void {
  now = startOfDayMs(date) + 12 * 3_600_000;
}

export const actor = 'lead@acme.test';
export const justification = 'The certification body documented why this is acceptable.';

export function resetIds(): void {
  ids = 0;
}

/**
 * A program on the rules of today, or on those of a run recorded before some patches (`patched` returns false
 * for them), to prove old runs keep the rules they started with.
 */
export function newProgram(
  overrides: Partial<IsoCertificationStartInput> = {},
  patched: (patchId: string) => boolean = () => true,
): IsoProgram {
  const input = isoCertificationStartInputSchema.parse({
    programId: 'p1',
    organizationId: 'o1',
    frameworks: ['iso27001'],
    startDate: '2026-06-01',
    programManagerEmail: 'pm@acme.test',
    ...overrides,
  });
  at(input.startDate);
  const p = new IsoProgram(
    IsoProgram.initialState(input, input.startDate),
    () => now,
    () => `id-${++ids}`,
    patched,
  );
  p.begin(input);
  return p;
}

export function rejects(fn: () => unknown, message: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RejectedAction);
  expect((error as Error).message).toMatch(message);
}

export const events = (p: IsoProgram) =>
  p.effects.pending.filter((e) => e.kind === 'audit').map((e) => e.type);
export const emails = (p: IsoProgram) => p.effects.pending.filter((e) => e.kind === 'email');
export const payloads = (p: IsoProgram, type: string) =>
  p.effects.pending.flatMap((e) => (e.kind === 'audit' && e.type === type ? [e.payload] : []));

/** Runs the calendar day by day (on each wake-up) through `until`, as the workflow's timer would. */
export function runUntil(p: IsoProgram, until: string): void {
  for (let i = 0; i < 500; i++) {
    const wake = p.nextWakeUp();
    if (!wake || wake > until) break;
    at(wake);
    p.tick();
  }
  at(until);
  p.tick();
}

type Finding = Omit<FindingInput, 'requirementIds'> & { requirementIds?: string[] };

/**
 * Gap assessment, internal audit, management review and Stage 1 on fixed days (2026-07-01..08-04): in STAGE2,
 * Stage 1 valid through 2027-02-04.
 */
export function throughStage1(p: IsoProgram, findings: Finding[] = []): void {
  at('2026-07-01');
  p.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01', gaps: [] });
  p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
  p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
  p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-08-03' });
  at('2026-08-04');
  p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-08-04', findings });
}

/** Gap assessment, internal audit, management review, Stage 1 and Stage 2 on fixed days (2026-07-01..09-30). */
export function throughStage2(p: IsoProgram, findings: Finding[] = []): void {
  throughStage1(p);
  p.applyScheduleAudit({ actor, audit: 'stage2', date: '2026-09-28' });
  at('2026-09-30');
  p.applyRecordAuditOutcome({ actor, audit: 'stage2', lastDay: '2026-09-30', findings });
}

/** A program certified on 2026-10-01 (expiry 2029-09-30, surveillance 1 due 2027-10-01). */
export function certified(
  overrides: Partial<IsoCertificationStartInput> = {},
  patched?: (id: string) => boolean,
) {
  const p = newProgram(overrides, patched);
  throughStage2(p);
  at('2026-10-01');
  p.applyRecordCertificationDecision({ actor, decidedOn: '2026-10-01' });
  return p;
}

/**
 * Certified 2026-10-01, surveillance 1 held 2027-06-15 and surveillance 2 held 2028-06-14: in RECERTIFICATION
 * (expiry 2029-09-30, recertification audit possible from 2028-10-01).
 */
export function inRecertification(
  overrides: Partial<IsoCertificationStartInput> = {},
  patched?: (id: string) => boolean,
) {
  const p = certified(overrides, patched);
  at('2027-06-01');
  p.applyScheduleAudit({ actor, audit: 'surveillance1', date: '2027-06-14' });
  at('2027-06-15');
  p.applyRecordAuditOutcome({ actor, audit: 'surveillance1', lastDay: '2027-06-15' });
  at('2028-06-01');
  p.applyScheduleAudit({ actor, audit: 'surveillance2', date: '2028-06-13' });
  at('2028-06-14');
  p.applyRecordAuditOutcome({ actor, audit: 'surveillance2', lastDay: '2028-06-14' });
  expect(p.state.stage).toBe('RECERTIFICATION');
  return p;
}

/** In RECERTIFICATION, then the certificate expires (2029-09-30) without a decision: LAPSED on 2029-10-01. */
export function lapsed(
  overrides: Partial<IsoCertificationStartInput> = {},
  patched?: (id: string) => boolean,
) {
  const p = inRecertification(overrides, patched);
  runUntil(p, '2029-10-01');
  expect(p.state.stage).toBe('LAPSED');
  return p;
}
