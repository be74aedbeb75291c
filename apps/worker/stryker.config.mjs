// Mutation testing of the certification rules (docs/testing/mutation.md): `pnpm test:mutation` at the root.
import { strykerOptions } from '../../scripts/mutation/stryker-options.mjs';

// Every file is at 85 % or more. The survivors left are equivalent mutants or guards no reachable state trips:
// - Optional chaining on state a stage always has (`c.state.period?.` in every SOC 2 stage after readiness,
//   `c.state.suspension?.` while SUSPENDED, `audits.stage2?.` in CERTIFICATION_DECISION, `certificate?.`, which
//   every program since the certificate was tracked holds): dropping the `?.` changes nothing that can run.
// - `return 'stop'` after a missed restoration (LAPSED has no later deadline) and after a suspension that ends in
//   a withdrawal (the new initial audit keeps no expiry date, so the expiry deadline after it finds nothing due).
// - SOC 2 milestones (`typeI && p && typeI <= p.end`): a period always exists in REMEDIATION and OBSERVATION, and a
//   Type I is never dated after the first period's end (checkScheduleTypeI), so the parts of the condition are
//   each redundant. The fieldwork miss (`fieldworkCompletedOn` or scheduled `<= today`): completing fieldwork
//   leaves FIELDWORK, and fieldwork is scheduled after its due day only with the CPA firm's override, which
//   suppresses the miss by itself.
// - `periodEndNotice` with `seq !== undefined`: observation ends only from OBSERVATION, so the stage always changes.
// - Coverage: the following period is pushed only from its first day, but the coverage engine ignores days after
//   `asOf` anyway; a bridging span's following period is always the running one (a report moves the run to the
//   next period at once), so its fallback end cannot differ; `.at(-1)` of three letters vs. `.at(+1)` is tested,
//   a longer list is not needed.
// - Cost plan: an audit gets frozen figures only when it is held, so `lastDay && planned` equals `planned`; the
//   SOC 2 initial fee's `reports.length === 0` cannot differ for period 1 of a program that did not start after a
//   report. ISO `planScope` with no certified standard happens only in the initial stages, which take the same
//   branch.
// - Decisions: `if (!previousExpiry) return` (RECERTIFICATION and LAPSED always have an expiry); the certificate
//   created on an extension (`??=`) and `reason ?? ''` (the schema requires a reason to refuse) serve state carried
//   from older code only; `decidedOn <= previousExpiry` picks the same date when they are equal.
// - `isPatched = () => true` is the default for callers outside a workflow; the tests always pass their own.
// - `carriedState` keeps the last 20 alerts: a run that raised more than 20 is not worth a test of its own.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...strykerOptions('worker'),
  mutate: [
    'src/workflows/iso-certification/{audits,calendar,decisions,findings,scope,settings,start,suspension,iso-context,iso-program}.ts',
    'src/workflows/soc2-attestation/{calendar,coverage,periods,reports,settings,start,soc2-context,soc2-program}.ts',
    'src/workflows/shared/{deadline-table,program-rules,remediation-tasks,legacy-dates,patch-gate}.ts',
  ],
};
