// Mutation testing of the date, audit-time and cost rules (docs/testing/mutation.md): `pnpm test:mutation` at the root.
import { strykerOptions } from '../../scripts/mutation/stryker-options.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...strykerOptions('contracts'),
  mutate: [
    'src/{calendar-date,month-windows,iso-cycle-dates,soc2-period-dates}.ts',
    'src/{audit-time,audit-cost,audit-plan}.ts',
  ],
};
