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
} as const;
