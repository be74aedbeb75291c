import type { ProgramActionName } from '@certflow/contracts/domain';

import { humanize, milestoneLabel } from './labels';

/** `completedOn` → "Completed on": a readable label for any field name of an action's schema. */
export function fieldLabel(name: string): string {
  return fieldLabels[name] ?? humanize(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
}

const fieldLabels: Record<string, string> = {
  taskId: 'Task',
  findingId: 'Finding',
  verifiedFindingIds: 'Findings this audit verified closed',
  requirementIds: 'Requirements (catalog ids such as iso27001:A.5.15)',
  uri: 'Link (URL)',
  ownerEmail: 'Owner email',
  asOf: 'Type I as of',
  startsOn: 'Fieldwork starts on',
  coversTo: 'Covers through',
  firstPeriodStart: 'First observation period starts',
  lastDay: 'Last day',
  personsInScope: 'Persons in scope',
  aiPersonsInScope: 'Persons in AI processes',
  aiRoles: 'AI roles',
  dayRate: 'Day rate',
};

/** The action's name as a person says it: `scheduleAudit` → "Schedule audit". */
export function actionLabel(name: ProgramActionName): string {
  return actionLabels[name] ?? fieldLabel(name);
}

const actionLabels: Partial<Record<ProgramActionName, string>> = {
  scheduleTypeI: 'Schedule the Type I examination',
  recordAuditOutcome: 'Record an audit outcome',
  recordCertificationDecision: 'Record the certification decision',
  overrideRule: 'Record an override',
  changeSettings: 'Change audit settings',
  addNote: 'Add a note',
  attachEvidence: 'Attach evidence to a task',
  recordReport: 'Record a report',
  issueBridgeLetter: 'Issue a bridge letter',
};

/** An option of an enum field: audits by their milestone label, anything else humanized. */
export function optionLabel(field: string, value: string): string {
  if (field === 'audit') return milestoneLabel(value);
  if (value.length <= 4 && value === value.toUpperCase()) return value;
  return humanize(value);
}
