import { isKnownRequirement, requirementLinks } from '@certflow/catalog/lookup';
import { z } from 'zod';
import { calendarDateSchema, type CalendarDate } from './calendar-date.js';

/** One crosswalk row from a requirement a task or finding is raised against to another framework's requirement. */
export interface RequirementLink {
  from: string;
  to: string;
  /** Relation of `from` to `to` (NIST IR 8477 vocabulary): equal, subset, superset or intersect. */
  relation: 'equal' | 'subset' | 'superset' | 'intersect';
  crosswalk: string;
}

/**
 * The other frameworks' requirements that `requirementIds` map to, from the catalog's crosswalks: each target
 * once (the first row reaching it wins), none that is already among `requirementIds`.
 */
export function requirementLinksOf(requirementIds: readonly string[]): RequirementLink[] {
  const own = new Set(requirementIds);
  const seen = new Set<string>();
  const result: RequirementLink[] = [];
  for (const from of requirementIds) {
    for (const link of requirementLinks(from)) {
      if (own.has(link.requirement) || seen.has(link.requirement)) continue;
      seen.add(link.requirement);
      result.push({ from, to: link.requirement, relation: link.relation, crosswalk: link.crosswalk });
    }
  }
  return result;
}

/**
 * Remediation tasks and findings are shared by every program kind (ISO certification, SOC 2 attestation), so their
 * message shapes live here once.
 */

/**
 * `iso27001:A.5.1`, `iso42001:6.1.2`, `soc2:CC6.1`: a requirement id that exists in @certflow/catalog. The same
 * schema validates at the API boundary (a 400 naming the id) and in the workflow's update validators.
 */
export const requirementRefSchema = z.string().superRefine((id, ctx) => {
  if (isKnownRequirement(id)) return;
  ctx.addIssue({
    code: 'custom',
    message: /^(iso42001|iso27001|soc2|nist-ai-rmf|eu-ai-act):\S+$/.test(id)
      ? `${id} is not a requirement in the catalog`
      : `${id} is not a catalog requirement id (such as iso27001:A.5.1)`,
  });
});

export const evidenceSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** Where the evidence lives (document store, ticket, repository). */
  uri: z.url(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const remediationTaskInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  ownerEmail: z.email(),
  dueDate: calendarDateSchema,
  requirementIds: z.array(requirementRefSchema).max(50).default([]),
});
export type RemediationTaskInput = z.input<typeof remediationTaskInputSchema>;

export const remediationTaskStatuses = ['OPEN', 'DONE', 'CANCELLED'] as const;
export type RemediationTaskStatus = (typeof remediationTaskStatuses)[number];

export type RemediationTaskSource = { kind: 'gap-assessment' } | { kind: 'finding'; findingId: string };

export interface RemediationTaskState {
  id: string;
  title: string;
  ownerEmail: string;
  dueDate: CalendarDate;
  requirementIds: string[];
  source: RemediationTaskSource;
  status: RemediationTaskStatus;
  /** Reminder offsets (days before due) already sent, so a reminder is never sent twice. */
  remindersSent: number[];
  escalated: boolean;
  evidence: Evidence[];
  completedOn?: CalendarDate;
  cancelReason?: string;
  /**
   * The other frameworks' requirements this task also serves, from the catalog crosswalks (e.g. a SOC 2 CC6.2
   * exception → ISO/IEC 27001 A.5.15, A.5.18), so one remediation is seen by every program it serves.
   */
  links?: RequirementLink[];
}

export const findingSeverities = ['MAJOR', 'MINOR', 'OBSERVATION'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export const findingInputSchema = z.object({
  severity: z.enum(findingSeverities),
  description: z.string().trim().min(1).max(2000),
  requirementIds: z.array(requirementRefSchema).max(50).default([]),
  /** Who owns the corrective action; defaults to the program manager. */
  ownerEmail: z.email().optional(),
});
export type FindingInput = z.input<typeof findingInputSchema>;

export const findingStatuses = ['OPEN', 'PLAN_ACCEPTED', 'CLOSED'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export interface FindingState {
  id: string;
  /** Which audit raised it, e.g. 'stage2' or 'surveillance1'. */
  auditId: string;
  cycle: number;
  severity: FindingSeverity;
  description: string;
  requirementIds: string[];
  raisedOn: CalendarDate;
  /** Certification-body response window (corrective-action plan or closure). */
  responseDue: CalendarDate;
  status: FindingStatus;
  closedOn?: CalendarDate;
  /** The corrective-action task created for it (none for observations). */
  taskId?: string;
  /** Set once the program manager was told the response window passed. */
  overdueEscalated?: boolean;
  /** Crosswalk links of `requirementIds` to the other frameworks (see `RemediationTaskState.links`). */
  links?: RequirementLink[];
}

export const actorSchema = z.string().trim().min(1).max(200);
