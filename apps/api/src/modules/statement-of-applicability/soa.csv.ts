import type { CsvColumn } from '../../common/csv.js';
import type { SoaLine } from './soa.schemas.js';

const statusLabels = {
  implemented: 'Implemented',
  partial: 'Partly implemented',
  not_implemented: 'Not implemented',
  not_applicable: 'Not applicable',
} as const;

const sourceLabels = {
  statement: 'Set on the Statement of Applicability',
  'implementation-status': 'Implementation status: not applicable',
  default: 'Applies (default)',
} as const;

/** The columns of the exported Statement of Applicability, one line per Annex A control. */
export const soaColumns: readonly CsvColumn<SoaLine>[] = [
  { header: 'Framework', value: (l) => l.framework },
  { header: 'Control', value: (l) => l.ref },
  { header: 'Title', value: (l) => l.title },
  { header: 'Theme', value: (l) => `${l.theme.ref} ${l.theme.title}` },
  { header: 'Applicable', value: (l) => (l.applicable ? 'Yes' : 'No') },
  { header: 'Justification', value: (l) => l.justification },
  { header: 'Applicability source', value: (l) => sourceLabels[l.source] },
  {
    header: 'Implementation status',
    value: (l) => (l.implementation.status ? statusLabels[l.implementation.status] : 'Not recorded'),
  },
  { header: 'Owner', value: (l) => l.implementation.ownerEmail },
  { header: 'Evidence', value: (l) => l.implementation.evidence },
  { header: 'Note', value: (l) => l.implementation.note },
  { header: 'Remediation task', value: (l) => l.task?.title },
  { header: 'Task status', value: (l) => l.task?.status },
  { header: 'Task due', value: (l) => l.task?.dueDate },
  { header: 'Task owner', value: (l) => l.task?.ownerEmail },
  { header: 'Task id', value: (l) => l.task?.id },
];
