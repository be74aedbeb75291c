/**
 * Workflow changes shared by every program kind that old histories must not see (passed to `patched()`); the
 * kind-specific ones live in `<kind>/patches.ts`. Same life cycle: `deprecatePatch()` once no run that started
 * before the change can still be open, then removal.
 */
export const sharedPatches = {
  /**
   * 2026-11: effects run in batches (all queued audit events in one activity, the emails of the batch in
   * parallel) instead of one activity at a time. A gap assessment with 20 gaps went from 41 sequential
   * activities to 2 rounds, which keeps histories short and evicted programs cheap to replay.
   */
  batchedEffects: 'batched-effects',
} as const;
