/**
 * Workflow changes that old histories must not see (passed to `patched()`). Each id stays until no open run can
 * have started before it (a run is one observation period plus its report, so at most about 15 months), then
 * becomes `deprecatePatch()` and is finally removed. test/histories/soc2-attestation-* prove each gate.
 */
export const soc2Patches = {
  /**
   * 2026-11: when an observation period ends, the program manager is emailed the fieldwork and report deadlines.
   * v1 histories have no email activity at that point.
   */
  periodEndNotice: 'soc2-period-end-notice',
  /**
   * 2026-11 (decided when a run starts): a bridge letter covers only days up to its own issue date, and the
   * warning before bridging runs out watches the span letters may cover after the last report. Before, a letter
   * dated today could vouch for months ahead.
   */
  bridgeLetterToIssueDate: 'soc2-bridge-letter-to-issue-date',
} as const;
