import {
  implementationStatuses,
  type ImplementationStatus,
  type PrefillBasis,
} from '@certflow/contracts/implementation';

export { implementationStatuses, type ImplementationStatus, type PrefillBasis };

/**
 * Words for the organisation's implementation statuses and the gap assessment's pre-fill, shared by the
 * implementation, gap-assessment and Statement of Applicability screens. Typed by the contracts' lists, so a new
 * status fails the build until it has words.
 */
export const implementationStatusLabels: Record<ImplementationStatus, string> = {
  implemented: 'Implemented',
  partial: 'Partly implemented',
  not_implemented: 'Not implemented',
  not_applicable: 'Not applicable',
};

export const statusOptions = implementationStatuses.map((value) => ({
  value,
  label: implementationStatusLabels[value],
}));

export const prefillBasisLabels: Record<PrefillBasis, string> = {
  recorded: 'Recorded',
  'carried-over': 'Carried over',
  partly: 'Partly carried over',
  open: 'Open',
};

/** Badge tones: text always says the state, the colour only repeats it. */
export const prefillBasisTones = {
  recorded: 'neutral',
  'carried-over': 'done',
  partly: 'warning',
  open: 'danger',
} as const satisfies Record<PrefillBasis, 'neutral' | 'done' | 'warning' | 'danger' | 'active'>;

export const statusTones = {
  implemented: 'done',
  partial: 'warning',
  not_implemented: 'danger',
  not_applicable: 'neutral',
} as const satisfies Record<ImplementationStatus, 'neutral' | 'done' | 'warning' | 'danger' | 'active'>;

/** Today as a calendar day (UTC, as the API counts days). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
