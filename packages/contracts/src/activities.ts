import type { ReadModelDelta } from './read-model.js';

/**
 * Activity interfaces. Workflows see activities only through these types (`proxyActivities<...>()`); the worker
 * builds the implementations with factories that receive their dependencies.
 */

/** Event types written to the append-only audit trail. Shared by every program kind. */
export const auditEventTypes = [
  'program.started',
  'program.ended',
  'cycle.started',
  'stage.changed',
  'due-date.changed',
  'deadline.missed',
  'audit.scheduled',
  'audit.completed',
  'certification.decided',
  'certification.refused',
  'certification.suspended',
  'certification.reinstated',
  'certification.withdrawn',
  'report.issued',
  'bridge-letter.issued',
  'coverage.alert',
  'finding.raised',
  'finding.updated',
  'task.created',
  'task.reassigned',
  'task.completed',
  'task.cancelled',
  'task.evidence-attached',
  'reminder.sent',
  'escalation.sent',
  'notification.failed',
  'override.recorded',
  'scope.changed',
  'settings.changed',
  'period.planned',
  'note.added',
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];

/** Program events the API records itself, outside any workflow: the creation, task comments, evidence. */
export const programOperationEventTypes = [
  'program.created',
  'task.comment-added',
  'evidence.uploaded',
] as const;
export type ProgramOperationEventType = (typeof programOperationEventTypes)[number];

/** Every type a program's audit trail can hold (the audit-trail filter offers these). */
export const programTrailEventTypes = [...auditEventTypes, ...programOperationEventTypes] as const;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEventRecord {
  workflowId: string;
  runId: string;
  /** Assigned by the workflow, monotonic across continue-as-new; with workflowId it makes the insert idempotent. */
  sequence: number;
  programId: string;
  organizationId: string;
  type: AuditEventType;
  /** Who caused it; null for the workflow's own timers. */
  actor: string | null;
  payload: { [key: string]: JsonValue };
  /** Workflow time (ISO instant) when the event happened. */
  occurredAt: string;
}

/** Several events of one workflow run, written in one statement (the fields they share are given once). */
export interface AuditEventBatch {
  workflowId: string;
  runId: string;
  programId: string;
  organizationId: string;
  events: Pick<AuditEventRecord, 'sequence' | 'type' | 'actor' | 'payload' | 'occurredAt'>[];
}

/** A batch of audit events and the read-model rows that changed with them, written in one transaction. */
export interface ProgramChangeBatch extends AuditEventBatch {
  readModel?: ReadModelDelta;
}

export interface AuditActivities {
  /** Inserts the event unless (workflowId, sequence) is already recorded; returns whether it inserted. */
  recordAuditEvent(event: AuditEventRecord): Promise<{ inserted: boolean }>;
  /** Inserts every event not yet recorded, all or none; returns how many it inserted. */
  recordAuditEvents(batch: AuditEventBatch): Promise<{ inserted: number }>;
  /**
   * The audit events not yet recorded and the read-model rows, in one transaction: a row replaces a stored one
   * only when the batch's version is not older, so retries and replays never move the read model backwards.
   */
  recordProgramChanges(batch: ProgramChangeBatch): Promise<{ inserted: number }>;
}

export interface EmailNotification {
  programId: string;
  /** Deterministic key (workflow id + what + when), so a retried activity never sends twice. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
}

export interface NotificationActivities {
  /** Records the notification in the outbox and sends it over SMTP unless it was already sent. */
  sendEmail(notification: EmailNotification): Promise<{ status: 'sent' | 'already-sent' }>;
}

export interface ProgramProjection {
  programId: string;
  stage: string;
  status: 'RUNNING' | 'COMPLETED';
}

export interface ProgramProjectionActivities {
  /** Keeps the `programs` row's stage and status in step with the workflow for list views. */
  projectProgram(projection: ProgramProjection): Promise<void>;
}

/** Everything a program workflow may call. */
export type ProgramActivities = AuditActivities & NotificationActivities & ProgramProjectionActivities;
