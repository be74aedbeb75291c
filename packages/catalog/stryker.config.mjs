// Mutation testing of the coverage engine (docs/testing/mutation.md): `pnpm test:mutation` at the root.
import { strykerOptions } from '../../scripts/mutation/stryker-options.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...strykerOptions('catalog'),
  mutate: ['src/engine/{coverage,graph,overlap}.ts'],
};
