/**
 * How the workflow bundle is built, shared by the production bundle script, a worker started from source and the
 * tests. `@certflow/catalog/lookup` (requirement ids and crosswalk links, pure data) is preloaded: its module scope
 * runs once per reusable V8 context and is shared by every cached workflow, instead of being evaluated again for
 * each of them (docs/adr/0013-catalog-in-workflows.md). It keeps no per-workflow state, which preloading requires.
 */
export const workflowBundleOptions = {
  preloadModules: ['@certflow/catalog/lookup'],
};
