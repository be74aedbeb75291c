import {
  type CalendarDate,
  type FindingState,
  type IsoAuditKind,
  type IsoCycleDatesState,
  type IsoFrameworkId,
  type IsoOverrideRule,
  type IsoProgramState,
  type IsoStage,
  isoCertifiedStages,
  isoProgramConfigSchema,
  isoProgramSettingsSchema,
  type JsonValue,
  majorClosureDeadline,
  monthsAfter,
  restorationDeadline,
  stage1ValidUntil,
  surveillance2Window,
  suspensionLastDay,
} from '@certflow/contracts';
import { legacyDates } from '../shared/legacy-dates.js';
import { sharedPatches } from '../shared/patches.js';
import { ProgramRules } from '../shared/program-rules.js';
import { reject, violates } from '../shared/rejected-action.js';
import { isoPatches } from './patches.js';

export const cbAudits: readonly IsoAuditKind[] = [
  'stage1',
  'stage2',
  'surveillance1',
  'surveillance2',
  'recertification',
  'extension-stage1',
  'extension-stage2',
];

export const auditLabels: Record<IsoAuditKind, string> = {
  'internal-audit': 'the internal audit',
  'management-review': 'the management review',
  stage1: 'Stage 1',
  stage2: 'Stage 2',
  surveillance1: 'surveillance audit 1',
  surveillance2: 'surveillance audit 2',
  recertification: 'the recertification audit',
  'extension-stage1': 'Stage 1 of the added standard',
  'extension-stage2': 'Stage 2 of the added standard',
};

/** Which audits each stage is waiting for (the internal audit and management review belong to remediation). */
const auditOfStage: Partial<Record<IsoStage, IsoAuditKind[]>> = {
  REMEDIATION: ['internal-audit', 'management-review', 'stage1'],
  STAGE1: ['stage1'],
  STAGE2: ['stage2'],
  SURVEILLANCE_1: ['surveillance1'],
  SURVEILLANCE_2: ['surveillance2'],
  RECERTIFICATION: ['recertification'],
  LAPSED: ['recertification'],
};

export const frameworkNames: Record<IsoFrameworkId, string> = {
  iso27001: 'ISO/IEC 27001',
  iso42001: 'ISO/IEC 42001',
};

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The ISO certification program's state and the helpers its rule modules share (audits.ts, findings.ts,
 * decisions.ts, scope.ts, calendar.ts). `IsoProgram` adds the public check/apply methods on top.
 */
export class IsoContext extends ProgramRules<IsoProgramState, IsoStage, 'next-cycle'> {
  constructor(
    state: IsoProgramState,
    clock: () => number,
    newId: () => string,
    isPatched: (patchId: string) => boolean = () => true,
  ) {
    // Runs carried over from older code lack policy fields and settings added since; the schemas fill defaults.
    state.config = isoProgramConfigSchema.parse(state.config);
    state.settings = isoProgramSettingsSchema.parse(state.settings ?? {});
    super(state, clock, newId, isPatched, `${state.frameworks.join(' + ')} program`);
  }

  get label(): string {
    return `${this.state.frameworks.join(' + ')} program`;
  }

  protected get position(): { [key: string]: JsonValue } {
    return { cycle: this.state.cycle };
  }

  get policy() {
    return this.state.config.policy;
  }

  get settings() {
    return this.state.settings!;
  }

  // ---- rules decided when the run started (see patches.ts) -----------------------------------------------

  get monthWindows(): boolean {
    return this.isPatched(sharedPatches.monthWindows);
  }

  feature(
    patch: Exclude<keyof typeof isoPatches, 'initialCycleStartedEvent' | 'suspensionOnMissedSurveillance'>,
  ) {
    return this.isPatched(isoPatches[patch]);
  }

  /** The CB windows under this run's month convention. */
  get windows() {
    const legacy = !this.monthWindows;
    const policy = this.policy;
    return {
      stage1ValidUntil: (lastDay: CalendarDate) =>
        legacy
          ? legacyDates.monthsAfter(lastDay, policy.stage1ToStage2MaxGapMonths)
          : stage1ValidUntil(lastDay, policy.stage1ToStage2MaxGapMonths),
      majorClosureDeadline: (lastDay: CalendarDate) =>
        legacy
          ? legacyDates.monthsAfter(lastDay, policy.majorClosureMonthsAfterStage2)
          : majorClosureDeadline(lastDay, policy.majorClosureMonthsAfterStage2),
      restorationDeadline: (expiry: CalendarDate) =>
        legacy
          ? legacyDates.monthsAfter(expiry, policy.restorationWindowMonths)
          : restorationDeadline(expiry, policy.restorationWindowMonths),
      suspensionLastDay: (since: CalendarDate) =>
        legacy
          ? legacyDates.suspensionLastDay(since, policy.suspensionMaxMonths)
          : suspensionLastDay(since, policy.suspensionMaxMonths),
      surveillance1Due: (from: CalendarDate) =>
        legacy
          ? legacyDates.monthsAfter(from, policy.firstSurveillanceWithinMonths)
          : monthsAfter(from, policy.firstSurveillanceWithinMonths),
      surveillance2Window: (s1: CalendarDate, expiry: CalendarDate) =>
        legacy
          ? legacyDates.surveillance2Window(s1, expiry, policy.surveillanceIntervalMonths)
          : surveillance2Window(s1, expiry, policy),
    };
  }

  // ---- bookkeeping --------------------------------------------------------------------------------------

  setDate(key: keyof IsoCycleDatesState, value: CalendarDate | undefined, actor: string | null): void {
    const from = this.state.dates[key];
    if (from === value) return;
    if (value === undefined) delete this.state.dates[key];
    else this.state.dates[key] = value;
    this.effects.audit('due-date.changed', actor, { what: key, from: from ?? null, to: value ?? null });
  }

  hasOverride(rule: IsoOverrideRule): boolean {
    return this.state.overrides.some((o) => o.rule === rule);
  }

  /** Standards the current certificate covers (before the certificate tracked them: all of the program's). */
  get certifiedFrameworks(): IsoFrameworkId[] {
    return this.state.certificate?.frameworks ?? this.state.frameworks;
  }

  isCertified(): boolean {
    return isoCertifiedStages.includes(this.state.stage);
  }

  openMajors(): FindingState[] {
    return this.state.findings.filter((f) => f.severity === 'MAJOR' && f.status !== 'CLOSED');
  }

  minorsWithoutPlan(): FindingState[] {
    return this.state.findings.filter((f) => f.severity === 'MINOR' && f.status === 'OPEN');
  }

  /** Unresolved nonconformities a Stage 1 (the initial one, or an added standard's) raised in this cycle. */
  stage1Concerns(audit: 'stage1' | 'extension-stage1' = 'stage1'): FindingState[] {
    return this.state.findings.filter(
      (f) =>
        f.auditId === audit &&
        f.cycle === this.state.cycle &&
        f.severity !== 'OBSERVATION' &&
        f.status !== 'CLOSED',
    );
  }

  /**
   * Audits the current stage waits for. While suspended for a missed surveillance, that audit can still take
   * place (and lifts the suspension); a missed surveillance 2 can also be covered by the recertification audit.
   * A certified program adding a standard also waits for that standard's Stage 1 or Stage 2.
   */
  expectedAudits(): IsoAuditKind[] {
    const { stage, suspension, extension } = this.state;
    if (stage === 'SUSPENDED') {
      if (suspension?.cause !== 'missed-surveillance' || !suspension.missedAudit) return [];
      return suspension.missedAudit === 'surveillance2'
        ? ['surveillance2', 'recertification']
        : [suspension.missedAudit];
    }
    const audits = auditOfStage[stage] ?? [];
    if (!extension || !this.isCertified() || extension.stage === 'DECISION') return audits;
    return [...audits, extension.stage === 'STAGE1' ? 'extension-stage1' : 'extension-stage2'];
  }

  /** Requirements must belong to a framework the program carries. */
  inScope(requirementIds: readonly string[], what: string, field: string): void {
    const outside = requirementIds.find((id) => !this.state.frameworks.some((f) => id.startsWith(`${f}:`)));
    if (outside) {
      reject(
        `${what} links ${outside}, which is outside the program's scope (${this.state.frameworks.join(', ')}).`,
        violates('requirement-in-scope', field),
      );
    }
  }
}
