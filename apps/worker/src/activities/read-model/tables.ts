import type {
  ReadModelBridgeLetterRow,
  ReadModelCertificateRow,
  ReadModelCoverageGapRow,
  ReadModelFindingRow,
  ReadModelMilestoneRow,
  ReadModelPeriodRow,
  ReadModelReportRow,
  ReadModelTaskRow,
} from '@certflow/contracts';
import type { TableSpec } from './versioned-upsert.js';

/** How each read-model row maps onto its table (see packages/db/prisma/migrations/*_read_model). */

export const findingsTable: TableSpec<ReadModelFindingRow> = {
  table: 'findings',
  conflict: ['id'],
  updatedAt: true,
  columns: [
    { name: 'id', type: 'uuid', value: (f) => f.id },
    { name: 'kind', type: 'text', value: (f) => f.kind },
    { name: 'audit_id', type: 'text', value: (f) => f.auditId },
    { name: 'cycle', type: 'int', value: (f) => f.cycle },
    { name: 'severity', type: '"FindingSeverity"', value: (f) => f.severity },
    { name: 'description', type: 'text', value: (f) => f.description },
    { name: 'requirement_ids', type: 'text[]', value: (f) => f.requirementIds },
    { name: 'links', type: 'jsonb', value: (f) => f.links },
    { name: 'raised_on', type: 'date', value: (f) => f.raisedOn },
    { name: 'response_due', type: 'date', value: (f) => f.responseDue },
    { name: 'status', type: '"FindingStatus"', value: (f) => f.status },
    { name: 'closed_on', type: 'date', value: (f) => f.closedOn },
    { name: 'task_id', type: 'uuid', value: (f) => f.taskId },
    { name: 'overdue_escalated', type: 'boolean', value: (f) => f.overdueEscalated },
  ],
};

export const tasksTable: TableSpec<ReadModelTaskRow> = {
  table: 'remediation_tasks',
  conflict: ['id'],
  updatedAt: true,
  columns: [
    { name: 'id', type: 'uuid', value: (t) => t.id },
    { name: 'title', type: 'text', value: (t) => t.title },
    // Stored lower-cased, so "my tasks" is an equality on an indexed column.
    { name: 'owner_email', type: 'text', value: (t) => t.ownerEmail.toLowerCase() },
    { name: 'due_date', type: 'date', value: (t) => t.dueDate },
    { name: 'status', type: '"RemediationTaskStatus"', value: (t) => t.status },
    { name: 'requirement_ids', type: 'text[]', value: (t) => t.requirementIds },
    { name: 'links', type: 'jsonb', value: (t) => t.links },
    { name: 'linked_requirement_ids', type: 'text[]', value: (t) => t.links.map((l) => l.to) },
    { name: 'source', type: 'text', value: (t) => t.source },
    { name: 'finding_id', type: 'uuid', value: (t) => t.findingId },
    { name: 'cycle', type: 'int', value: (t) => t.cycle, insertOnly: true },
    { name: 'evidence', type: 'jsonb', value: (t) => t.evidence },
    { name: 'completed_on', type: 'date', value: (t) => t.completedOn },
    { name: 'cancel_reason', type: 'text', value: (t) => t.cancelReason },
    { name: 'escalated', type: 'boolean', value: (t) => t.escalated },
  ],
};

/** The date a milestone sits on in a schedule: when it took place, else when it is booked, due or must be done. */
export function plannedOn(m: ReadModelMilestoneRow): string | null {
  return m.actual ?? m.scheduled ?? m.due ?? m.deadline;
}

export const milestonesTable: TableSpec<ReadModelMilestoneRow> = {
  table: 'program_milestones',
  conflict: ['program_id', 'cycle', 'kind'],
  columns: [
    { name: 'cycle', type: 'int', value: (m) => m.cycle },
    { name: 'kind', type: 'text', value: (m) => m.kind },
    { name: 'category', type: 'text', value: (m) => m.category },
    { name: 'earliest', type: 'date', value: (m) => m.earliest },
    { name: 'due', type: 'date', value: (m) => m.due },
    { name: 'deadline', type: 'date', value: (m) => m.deadline },
    { name: 'scheduled', type: 'date', value: (m) => m.scheduled },
    { name: 'actual', type: 'date', value: (m) => m.actual },
    { name: 'planned_on', type: 'date', value: plannedOn },
    { name: 'planned_days', type: 'numeric', value: (m) => m.plannedDays },
    { name: 'planned_cost', type: 'numeric', value: (m) => m.plannedCost },
    { name: 'currency', type: 'text', value: (m) => m.currency },
  ],
};

export const certificatesTable: TableSpec<ReadModelCertificateRow> = {
  table: 'certificates',
  conflict: ['program_id', 'cycle'],
  columns: [
    { name: 'cycle', type: 'int', value: (c) => c.cycle },
    { name: 'frameworks', type: 'text[]', value: (c) => c.frameworks },
    { name: 'number', type: 'text', value: (c) => c.number },
    { name: 'origin', type: 'text', value: (c) => c.origin },
    { name: 'status', type: 'text', value: (c) => c.status },
    { name: 'decision_date', type: 'date', value: (c) => c.decisionDate },
    { name: 'cycle_start', type: 'date', value: (c) => c.cycleStart },
    { name: 'expiry_date', type: 'date', value: (c) => c.expiryDate },
    { name: 'suspended_since', type: 'date', value: (c) => c.suspendedSince },
    { name: 'suspended_until', type: 'date', value: (c) => c.suspendedUntil },
  ],
};

export const periodsTable: TableSpec<ReadModelPeriodRow> = {
  table: 'soc2_periods',
  conflict: ['program_id', 'number'],
  columns: [
    { name: 'number', type: 'int', value: (p) => p.number },
    { name: 'start_date', type: 'date', value: (p) => p.start },
    { name: 'end_date', type: 'date', value: (p) => p.end },
    { name: 'months', type: 'int', value: (p) => p.months },
    { name: 'fieldwork_due', type: 'date', value: (p) => p.fieldworkDue },
    { name: 'report_due', type: 'date', value: (p) => p.reportDue },
    { name: 'fieldwork_scheduled', type: 'date', value: (p) => p.fieldworkScheduledOn },
    { name: 'fieldwork_completed', type: 'date', value: (p) => p.fieldworkCompletedOn },
  ],
};

export const reportsTable: TableSpec<ReadModelReportRow> = {
  table: 'soc2_reports',
  conflict: ['program_id', 'type', 'period_number'],
  columns: [
    { name: 'type', type: 'text', value: (r) => r.type },
    { name: 'period_number', type: 'int', value: (r) => r.periodNumber },
    { name: 'start_date', type: 'date', value: (r) => r.start },
    { name: 'end_date', type: 'date', value: (r) => r.end },
    { name: 'issued_on', type: 'date', value: (r) => r.issuedOn },
    { name: 'opinion', type: 'text', value: (r) => r.opinion },
    { name: 'exception_count', type: 'int', value: (r) => r.exceptionCount },
  ],
};

export const bridgeLettersTable: TableSpec<ReadModelBridgeLetterRow> = {
  table: 'soc2_bridge_letters',
  conflict: ['program_id', 'after_period', 'to_date'],
  columns: [
    { name: 'after_period', type: 'int', value: (b) => b.afterPeriod },
    { name: 'issued_on', type: 'date', value: (b) => b.issuedOn },
    { name: 'from_date', type: 'date', value: (b) => b.from },
    { name: 'to_date', type: 'date', value: (b) => b.to },
  ],
};

export const coverageGapsTable: TableSpec<ReadModelCoverageGapRow> = {
  table: 'soc2_coverage_gaps',
  conflict: ['program_id', 'from_date'],
  columns: [
    { name: 'from_date', type: 'date', value: (g) => g.from },
    { name: 'to_date', type: 'date', value: (g) => g.to },
    { name: 'planned', type: 'boolean', value: (g) => g.planned },
  ],
};
