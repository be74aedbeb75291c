// Mutation testing of the certification rules (docs/testing/mutation.md): `pnpm test:mutation` at the root.
import { strykerOptions } from '../../scripts/mutation/stryker-options.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...strykerOptions('worker'),
  mutate: [
    'src/workflows/iso-certification/{audits,calendar,decisions,findings,scope,settings,start,suspension,iso-context,iso-program}.ts',
    'src/workflows/soc2-attestation/{calendar,coverage,periods,reports,settings,start,soc2-context,soc2-program}.ts',
    'src/workflows/shared/{deadline-table,program-rules,remediation-tasks,legacy-dates,patch-gate}.ts',
  ],
};
