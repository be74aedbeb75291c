import { addDays, type CalendarDate, type IsoMilestone, type IsoStage } from '@certflow/contracts';
import {
  applyMissedDeadlines,
  type Deadline,
  type DeadlineTable,
  deadlineWakeUps,
  earliestAfter,
  stageMilestone,
} from '../shared/deadline-table.js';
import { escalateOverdueFindings } from './findings.js';
import type { IsoContext } from './iso-context.js';
import { startNewInitialAudit, suspendForMissedSurveillance, withdraw } from './suspension.js';

/**
 * The ISO program's calendar: per stage, what is due by when and what a miss does (17021-1 §9.3–9.6 and the
 * certification body's policy). `tick`, `nextWakeUp` and `nextMilestone` all read this one table.
 */

const expiry: Deadline<IsoContext> = {
  key: 'certificate-expiry',
  due: (c) => c.state.dates.expiryDate,
  onMiss(c, due) {
    delete c.state.suspension;
    c.missDeadline('certificate-expiry', due, `The certificate expired on ${due} without recertification.`);
    c.setDate('restorationDeadline', c.windows.restorationDeadline(due), null);
    c.setStage('LAPSED', null, 'certificate expired before recertification was decided');
  },
};

const surveillance = (audit: 'surveillance1' | 'surveillance2'): Deadline<IsoContext> => ({
  key: audit,
  milestone: `${audit}-due`,
  due: (c) => (audit === 'surveillance1' ? c.state.dates.surveillance1Due : c.state.dates.surveillance2Due),
  onMiss(c, due, today) {
    const n = audit === 'surveillance1' ? 1 : 2;
    c.missDeadline(audit, due, `Surveillance audit ${n} was due by ${due}.`);
    suspendForMissedSurveillance(c, audit, today);
  },
});

/** An added standard's Stage 1 results expire before its Stage 2: Stage 1 is repeated. */
const extensionStage1Validity: Deadline<IsoContext> = {
  key: 'extension-stage1-validity',
  due: (c) => (c.state.extension?.stage === 'STAGE2' ? c.state.extension.stage1ValidUntil : undefined),
  onMiss(c, due) {
    const extension = c.state.extension!;
    c.missDeadline(
      'extension-stage1-validity',
      due,
      `Stage 2 of the added standard did not finish by ${due}; its Stage 1 must be repeated.`,
    );
    c.state.missedDeadlines = c.state.missedDeadlines.filter((k) => k !== 'extension-stage1-validity');
    delete c.state.audits['extension-stage1'];
    delete c.state.audits['extension-stage2'];
    delete extension.stage1ValidUntil;
    extension.stage = 'STAGE1';
  },
};

/** An added standard's majors not verified closed in time: its Stage 2 is repeated. */
const extensionMajorClosure: Deadline<IsoContext> = {
  key: 'extension-major-closure',
  due: (c) => (c.state.extension?.stage === 'DECISION' ? c.state.extension.majorClosureDeadline : undefined),
  pending: (c) => c.openMajors().length > 0,
  onMiss(c, due) {
    const extension = c.state.extension!;
    c.missDeadline(
      'extension-major-closure',
      due,
      `Majors of the added standard were not verified closed by ${due}; its Stage 2 must be repeated.`,
    );
    c.state.missedDeadlines = c.state.missedDeadlines.filter((k) => k !== 'extension-major-closure');
    delete c.state.audits['extension-stage2'];
    delete extension.majorClosureDeadline;
    // The repeat re-audits implementation; the Stage 1 limit governs only the first Stage 2.
    if (c.feature('extensionRepeatWithoutStage1Limit')) delete extension.stage1ValidUntil;
    extension.stage = 'STAGE2';
  },
};

const scheduled = (audit: 'stage1' | 'stage2' | 'surveillance1' | 'surveillance2') => (c: IsoContext) => ({
  kind: audit,
  due: c.state.audits[audit]?.scheduledOn,
});

const certified = (own: Deadline<IsoContext>[]) => [
  ...own,
  extensionStage1Validity,
  extensionMajorClosure,
  expiry,
];

export const isoDeadlines: DeadlineTable<IsoContext, IsoStage> = {
  GAP_ASSESSMENT: {
    deadlines: [
      {
        key: 'gap-assessment',
        milestone: 'gap-assessment-due',
        due: (c) => c.state.dates.gapAssessmentDue,
        onMiss: (c, due) => c.missDeadline('gap-assessment', due, `The gap assessment was due ${due}.`),
      },
    ],
  },
  REMEDIATION: {
    // Scheduling Stage 1 moves the program to STAGE1, so here it only waits for its remediation tasks.
    planned: (c) => ({
      kind: 'remediation-task-due',
      due: c.tasks
        .open()
        .map((t) => t.dueDate)
        .sort()[0],
    }),
    deadlines: [],
  },
  STAGE1: { planned: scheduled('stage1'), deadlines: [] },
  STAGE2: {
    planned: scheduled('stage2'),
    deadlines: [
      {
        key: 'stage1-validity',
        milestone: 'stage1-valid-until',
        due: (c) => c.state.dates.stage1ValidUntil,
        pending: (c) => !c.hasOverride('stage1-validity'),
        onMiss(c, due) {
          c.missDeadline(
            'stage1-validity',
            due,
            `Stage 2 did not finish by ${due}; Stage 1 must be repeated.`,
          );
          delete c.state.audits.stage1;
          delete c.state.audits.stage2;
          c.state.missedDeadlines = c.state.missedDeadlines.filter((k) => k !== 'stage1-validity');
          c.setDate('stage1ValidUntil', undefined, null);
          c.setStage('STAGE1', null, 'Stage 1 results expired before Stage 2');
        },
      },
    ],
  },
  CERTIFICATION_DECISION: {
    deadlines: [
      {
        key: 'major-closure',
        milestone: 'major-closure-deadline',
        due: (c) => c.state.dates.majorClosureDeadline,
        pending: (c) => c.openMajors().length > 0 && !c.hasOverride('major-closure-window'),
        onMiss(c, due) {
          c.missDeadline(
            'major-closure',
            due,
            `Major nonconformities were not verified closed by ${due}; Stage 2 must be repeated.`,
          );
          delete c.state.audits.stage2;
          c.state.missedDeadlines = c.state.missedDeadlines.filter((k) => k !== 'major-closure');
          c.setDate('majorClosureDeadline', undefined, null);
          // The repeat re-audits implementation; the Stage 1 gap limit governs only the first Stage 2.
          c.setDate('stage1ValidUntil', undefined, null);
          c.setStage('STAGE2', null, 'majors not closed within the window after Stage 2');
        },
      },
    ],
  },
  SURVEILLANCE_1: {
    planned: scheduled('surveillance1'),
    deadlines: certified([surveillance('surveillance1')]),
  },
  SURVEILLANCE_2: {
    planned: scheduled('surveillance2'),
    deadlines: certified([surveillance('surveillance2')]),
  },
  RECERTIFICATION: {
    planned: (c) =>
      c.state.audits.recertification?.lastDay
        ? undefined
        : { kind: 'recertification', due: c.state.audits.recertification?.scheduledOn },
    deadlines: [
      extensionStage1Validity,
      extensionMajorClosure,
      { ...expiry, milestone: 'certificate-expiry' },
    ],
  },
  SUSPENDED: {
    planned: (c) => {
      const missed = c.state.suspension?.missedAudit;
      return missed ? { kind: missed, due: c.state.audits[missed]?.scheduledOn } : undefined;
    },
    deadlines: [
      {
        key: 'suspension',
        milestone: 'suspension-ends',
        due: (c) => c.state.suspension?.until,
        onMiss(c, until, today) {
          c.missDeadline('suspension', until, `The suspension was not lifted by ${until}.`);
          withdraw(c, null, today, `suspension not lifted within ${c.policy.suspensionMaxMonths} months`);
          return 'stop';
        },
      },
      expiry,
    ],
  },
  LAPSED: {
    deadlines: [
      {
        key: 'restoration',
        milestone: 'restoration-deadline',
        due: (c) => c.state.dates.restorationDeadline,
        onMiss(c, due) {
          c.missDeadline(
            'restoration',
            due,
            `Certification was not restored by ${due}; a new initial audit is required.`,
          );
          startNewInitialAudit(c, addDays(c.state.dates.expiryDate ?? due, 1));
          return 'stop';
        },
      },
    ],
  },
};

/** Applies everything that became due on or before today. */
export function tick(c: IsoContext): void {
  const today = c.today;
  c.tasks.tick(today);
  escalateOverdueFindings(c, today);
  applyMissedDeadlines(isoDeadlines, c.state.stage, c, today);
}

/** The next day on which `tick` may change something (strictly after today). */
export function nextWakeUp(c: IsoContext): CalendarDate | undefined {
  const today = c.today;
  const findings = c.state.findings
    .filter((f) => f.status === 'OPEN' && f.severity !== 'OBSERVATION' && !f.overdueEscalated)
    .map((f) => addDays(f.responseDue, 1));
  return earliestAfter(today, [
    c.tasks.nextWakeUp(today),
    ...findings,
    ...deadlineWakeUps(isoDeadlines, c.state.stage, c),
  ]);
}

export function nextMilestone(c: IsoContext): IsoMilestone | null {
  return stageMilestone(isoDeadlines, c.state.stage, c);
}

export function atRiskReasons(c: IsoContext, today: CalendarDate): string[] {
  const reasons = [...c.state.missedDeadlines.map((k) => `missed:${k}`)];
  const overdue = c.tasks.overdue(today).length;
  if (overdue > 0) reasons.push(`overdue-tasks:${overdue}`);
  const lateFindings = c.state.findings.filter(
    (f) => f.status === 'OPEN' && f.severity !== 'OBSERVATION' && today > f.responseDue,
  ).length;
  if (lateFindings > 0) reasons.push(`overdue-findings:${lateFindings}`);
  if (c.state.stage === 'LAPSED') reasons.push('certificate-lapsed');
  if (c.state.stage === 'SUSPENDED') reasons.push('certificate-suspended');
  return reasons;
}
