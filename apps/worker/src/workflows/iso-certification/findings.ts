import {
  addDays,
  type CalendarDate,
  type CloseFindingInput,
  closeFindingInputSchema,
  type FindingInput,
  type FindingState,
  type FindingStatus,
  findingInputSchema,
} from '@certflow/contracts';
import type { z } from 'zod';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import type { IsoContext } from './iso-context.js';

/**
 * Audit findings: raised by an audit outcome (or carried in with an existing certificate), answered with an
 * accepted corrective-action plan (minors) or verified closed (majors; minors at the next audit).
 */

export function raiseFinding(
  c: IsoContext,
  auditId: string,
  raisedOn: CalendarDate,
  input: z.output<typeof findingInputSchema>,
  actor: string | null,
  status: Exclude<FindingStatus, 'CLOSED'> = 'OPEN',
): FindingState {
  const links = c.linksFor(input.requirementIds);
  const finding: FindingState = {
    id: c.nextId(),
    auditId,
    cycle: c.state.cycle,
    severity: input.severity,
    description: input.description,
    requirementIds: input.requirementIds,
    raisedOn,
    responseDue: addDays(raisedOn, c.policy.findingResponseDays),
    status,
    ...(links && { links }),
  };
  c.state.findings.push(finding);
  c.effects.audit('finding.raised', actor, {
    findingId: finding.id,
    auditId,
    severity: finding.severity,
    description: finding.description,
    requirementIds: finding.requirementIds,
    responseDue: finding.responseDue,
    ...(status !== 'OPEN' && { status }),
  });
  if (finding.severity === 'OBSERVATION') return finding;
  const task = c.tasks.create(
    c.nextId(),
    {
      title: `Corrective action (${finding.severity.toLowerCase()}): ${finding.description}`.slice(0, 200),
      ownerEmail: input.ownerEmail ?? c.state.programManagerEmail,
      dueDate: finding.responseDue,
      requirementIds: finding.requirementIds,
    },
    { kind: 'finding', findingId: finding.id },
    actor,
    links,
  );
  finding.taskId = task.id;
  return finding;
}

export function checkCloseFinding(c: IsoContext, raw: CloseFindingInput) {
  const input = parseOrReject(closeFindingInputSchema, raw);
  const finding = c.state.findings.find((f) => f.id === input.findingId);
  if (!finding)
    reject(`There is no finding ${input.findingId} in this program.`, conflict('unknown-finding'));
  if (finding.status === 'CLOSED')
    reject(`Finding "${finding.description}" is already closed.`, conflict('already-recorded'));
  if (input.resolution === 'PLAN_ACCEPTED') {
    if (finding.status === 'PLAN_ACCEPTED')
      reject(
        'The corrective-action plan for this finding is already accepted.',
        conflict('already-recorded'),
      );
    if (finding.severity === 'OBSERVATION')
      reject(
        'Observations need no corrective-action plan; close them instead.',
        violates('observation-needs-no-plan', 'resolution'),
      );
  }
  // Stage 1 concerns are resolved before Stage 2 (the CB reviews the correction); other minors are verified at
  // the next audit.
  const stage1Concern = finding.auditId === 'stage1' || finding.auditId === 'extension-stage1';
  if (input.resolution === 'CLOSED' && finding.severity === 'MINOR' && !stage1Concern) {
    reject(
      'A minor nonconformity is verified closed at the next audit; record its corrective-action plan as accepted instead.',
      violates('minor-closed-at-next-audit', 'resolution'),
    );
  }
  if (input.on < finding.raisedOn)
    reject(
      `The finding was raised on ${finding.raisedOn}; ${input.on} is earlier.`,
      violates('date-order', 'on'),
    );
  c.notAfterToday(input.on, 'The date', 'on');
  return input;
}

export function applyCloseFinding(c: IsoContext, raw: CloseFindingInput): void {
  const input = checkCloseFinding(c, raw);
  closeFinding(c, input.findingId, input.on, input.resolution, input.actor);
}

export function closeFinding(
  c: IsoContext,
  findingId: string,
  on: CalendarDate,
  resolution: 'PLAN_ACCEPTED' | 'CLOSED',
  actor: string,
): void {
  const finding = c.state.findings.find((f) => f.id === findingId);
  if (!finding) return;
  const from = finding.status;
  finding.status = resolution;
  if (resolution === 'CLOSED') finding.closedOn = on;
  c.effects.audit('finding.updated', actor, { findingId, from, to: resolution, on });
}

/** Findings an audit outcome says it verified: each must exist, be open, and (minors) have an accepted plan. */
export function checkVerifiedFindings(c: IsoContext, ids: readonly string[]): void {
  for (const id of ids) {
    const finding = c.state.findings.find((f) => f.id === id);
    if (!finding) reject(`There is no finding ${id} in this program.`, conflict('unknown-finding'));
    if (finding.status === 'CLOSED')
      reject(`Finding "${finding.description}" is already closed.`, conflict('already-recorded'));
    if (finding.severity === 'MINOR' && finding.status !== 'PLAN_ACCEPTED') {
      reject(
        `Minor finding "${finding.description}" has no accepted corrective-action plan to verify.`,
        violates('minor-plan-first', 'verifiedFindingIds'),
      );
    }
  }
}

/** Sends the program manager one escalation per finding whose response window passed. */
export function escalateOverdueFindings(c: IsoContext, today: CalendarDate): void {
  for (const finding of c.state.findings) {
    if (
      finding.status === 'OPEN' &&
      finding.severity !== 'OBSERVATION' &&
      today > finding.responseDue &&
      !finding.overdueEscalated
    ) {
      finding.overdueEscalated = true;
      const seq = c.effects.audit('escalation.sent', null, {
        findingId: finding.id,
        reason: 'finding-response-overdue',
        responseDue: finding.responseDue,
      });
      c.effects.email(
        seq,
        c.state.programManagerEmail,
        `[${c.label}] Finding response overdue`,
        `The ${finding.severity.toLowerCase()} finding "${finding.description}" needed a response by ${finding.responseDue}.`,
      );
    }
  }
}

export type { FindingInput };
