/** What kind of certification program a workflow runs; decides the workflow type. */
export const programKinds = ['ISO_CERTIFICATION', 'SOC2_ATTESTATION'] as const;
export type ProgramKind = (typeof programKinds)[number];

/** Workflow type names, one per program kind. */
export const programWorkflowTypes = {
  ISO_CERTIFICATION: 'isoCertificationWorkflow',
  SOC2_ATTESTATION: 'soc2AttestationWorkflow',
} as const satisfies Record<ProgramKind, string>;

/**
 * Stable across every run of a program (continue-as-new keeps it), so the API can always
 * find the current run from the organisation and program ids alone.
 */
export function programWorkflowId(organizationId: string, programId: string): string {
  return `program:${organizationId}:${programId}`;
}
