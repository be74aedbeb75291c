import {
  soc2AttestationStartInputSchema,
  type Soc2AttestationStartInput,
  startOfDayMs,
} from '@certflow/contracts';
import { expect } from 'vitest';
import { RejectedAction } from '../../src/workflows/shared/rejected-action.js';
import { Soc2Program } from '../../src/workflows/soc2-attestation/soc2-program.js';

// The SOC 2 rules without Temporal: a fake clock (noon UTC of a chosen day) and counting ids, states reached only
// through the rule methods. The time-skipping tests run the same machine on the real servers.

let now = 0;
let ids = 0;

export function at(date: string): void {
  now = startOfDayMs(date) + 12 * 3_600_000;
}

export function resetIds(): void {
  ids = 0;
}

export const actor = 'lead@acme.test';
export const evidence = [{ title: 'Access review export', uri: 'https://docs.acme.test/evidence/1' }];

/** A program on today's rules (or those of a run recorded before some patches); its start events are dropped. */
export function newProgram(
  overrides: Partial<Soc2AttestationStartInput> = {},
  patched: (patchId: string) => boolean = () => true,
): Soc2Program {
  const p = startedProgram(overrides, patched);
  p.effects.pending.length = 0;
  return p;
}

/** A program with its start events still queued (`begin`), as the workflow's first run records them. */
export function startedProgram(
  overrides: Partial<Soc2AttestationStartInput> = {},
  patched: (patchId: string) => boolean = () => true,
): Soc2Program {
  const input = soc2AttestationStartInputSchema.parse({
    programId: 'p1',
    organizationId: 'o1',
    startDate: '2026-11-02',
    programManagerEmail: 'pm@acme.test',
    ...overrides,
  });
  at(input.startDate);
  const p = new Soc2Program(
    Soc2Program.initialState(input, input.startDate),
    () => now,
    () => `id-${++ids}`,
    patched,
  );
  p.begin(input);
  return p;
}

/** What the workflow does at the start of each loop: apply the calendar. */
export function tickOn(p: Soc2Program, date: string): void {
  at(date);
  p.tick();
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

export const auditTypes = (p: Soc2Program) =>
  p.effects.pending.flatMap((e) => (e.kind === 'audit' ? [e.type] : []));
export const auditPayloads = (p: Soc2Program, type: string) =>
  p.effects.pending.flatMap((e) => (e.kind === 'audit' && e.type === type ? [e.payload] : []));
export const emailSubjects = (p: Soc2Program) =>
  p.effects.pending.flatMap((e) => (e.kind === 'email' ? [e.subject] : []));

/** Readiness on 2026-11-20 with one gap; first 12-month period from 2027-01-01. */
export function ready(p: Soc2Program): void {
  at('2026-11-20');
  p.applyCompleteReadinessAssessment({
    actor,
    completedOn: '2026-11-20',
    firstPeriodStart: '2027-01-01',
    gaps: [
      {
        title: 'Quarterly access reviews',
        ownerEmail: 'it@acme.test',
        dueDate: '2026-12-15',
        requirementIds: ['soc2:CC6.1'],
      },
    ],
  });
}

/** Period 1 (2027) observed, fieldwork 2028-01-10..20, report issued 2028-02-20: the run moves to period 2. */
export function throughFirstReport(p: Soc2Program): void {
  ready(p);
  tickOn(p, '2027-01-01');
  tickOn(p, '2028-01-05');
  p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
  at('2028-01-20');
  p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
  at('2028-02-20');
  p.applyRecordReport({ actor, reportType: 'TYPE2', issuedOn: '2028-02-20', opinion: 'UNMODIFIED' });
}

/** A new run from the carried state, as continue-as-new does. */
export function continueAsNew(p: Soc2Program, patched?: (patchId: string) => boolean): Soc2Program {
  return new Soc2Program(
    p.carriedState(),
    () => now,
    () => `id-${++ids}`,
    patched,
  );
}
