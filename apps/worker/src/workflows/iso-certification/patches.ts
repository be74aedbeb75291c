/**
 * Workflow changes that old histories must not see (passed to `patched()`). Each id stays until no open run can
 * have started before it (runs are one certification cycle, so about three years), then becomes
 * `deprecatePatch()` and is finally removed. The recorded histories in test/histories prove each gate.
 */
export const isoPatches = {
  /**
   * 2026-11: the initial certification decision also writes `cycle.started` for cycle 1, so every cycle in the
   * audit trail opens with the same event. Histories recorded before it (test/histories/*) lack the activity.
   */
  initialCycleStartedEvent: 'iso-initial-cycle-started-event',
  /**
   * 2026-11: a surveillance audit missed past its due date suspends the certificate (ISO/IEC 17021-1 9.6.5);
   * before, the missed deadline was only flagged. Replaying the older histories keeps the old behaviour.
   */
  suspensionOnMissedSurveillance: 'iso-suspension-on-missed-surveillance',
  /**
   * 2026-11 (decided when a run starts): a certificate restored after a lapse is valid from the restoration
   * decision, keeps the expiry of the rolled-on cycle, and the lapse shows as not certified (17021-1 §9.6.3).
   * Before, the restored cycle ran from the day after the old expiry as if nothing had lapsed.
   */
  restorationFromDecision: 'iso-restoration-from-decision',
  /**
   * 2026-11 (decided when a run starts): a standard added to a certified program is not certified until its own
   * Stage 1, Stage 2 and decision (an extension); before Stage 1 it joins the initial audit; otherwise it is
   * refused. Before, the added standard silently joined the certificate.
   */
  addedStandardInitialAudit: 'iso-added-standard-initial-audit',
  /**
   * 2026-11 (decided when a run starts): after an early recertification, surveillance 1 of the next cycle is
   * counted inside that cycle and cannot be held before it starts; the recertification audit may be held from
   * the last `recertificationWindowMonths` before expiry unless overridden.
   */
  recertificationWindow: 'iso-recertification-window',
  /**
   * 2026-11 (decided when a run starts): a new initial audit after a lapse or withdrawal needs an internal audit
   * and a management review held after the old certificate ended; before, those of the lapsed cycle were kept.
   */
  freshReadinessAfterLapse: 'iso-fresh-readiness-after-lapse',
  /**
   * 2026-12 (decided when a run starts): an added standard whose decision is refused, or whose majors were not
   * verified closed in time, repeats its Stage 2 without its Stage 1 limit, as the initial certification does
   * (docs/adr/0007). Before, the old limit stayed and, once past, sent the standard back to its Stage 1.
   */
  extensionRepeatWithoutStage1Limit: 'iso-extension-repeat-without-stage1-limit',
} as const;
