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
  /**
   * 2026-11 (decided when a run starts): every window counted in months ends by one convention
   * (docs/adr/0011-month-windows.md): Stage 1 validity, major closure, restoration, suspension, first and second
   * surveillance, SOC 2 observation periods and bridge-letter spans. Runs without the marker keep clamped
   * `addMonths` arithmetic (`legacy-dates.ts`).
   */
  monthWindows: 'month-window-convention',
  /**
   * 2026-11 (decided when a run starts): tasks, findings and SOC 2 exceptions carry the crosswalk links of their
   * requirements to the other frameworks (`@certflow/catalog/lookup`).
   */
  requirementLinks: 'requirement-links',
  /**
   * 2026-12: the read model (tasks, findings, milestones, certificates, SOC 2 periods and reports) is written by
   * `recordProgramChanges` together with each batch of audit events, from the rows that changed since the last
   * projection; the `projectProgram` activity (stage and status only) is no longer called. Decided at the first
   * loop of a run after the deployment, so an open run switches over mid-run (its first projection is complete).
   */
  readModel: 'read-model-projection',
  /**
   * 2026-12: a pass's emails are sent beside the effects instead of before the next pass, so a mail server that
   * refuses (five attempts over about a minute) no longer holds back the audit events and read-model rows of the
   * updates that arrive meanwhile. A send that gives up queues `notification.failed` for a later pass; the end of
   * a run (and continue-as-new) waits for every send. Decided at each pass, like batchedEffects.
   */
  emailsBesideEffects: 'emails-beside-effects',
} as const;
