import {
  type ReadModelCoverageGapRow,
  type ReadModelFindingRow,
  type ReadModelReportRow,
  type ReadModelRows,
  reportingDeadlines,
  type Soc2ProgramState,
  type Soc2ReportRecord,
} from '@certflow/contracts';
import { MilestoneRows, programRow, taskRow } from './rows.js';

/** The read-model rows of a SOC 2 program, from its snapshot (pure, so unit-tested directly). */
export function soc2ReadModelRows(s: Soc2ProgramState): ReadModelRows {
  const cycle = s.period?.number ?? 0;
  return {
    program: programRow(s, cycle),
    tasks: s.tasks.map((t) => taskRow(t, cycle)),
    findings: exceptionRows(s),
    ...soc2Milestones(s),
    certificates: [],
    periods: s.period
      ? [
          {
            number: s.period.number,
            start: s.period.start,
            end: s.period.end,
            months: s.period.months,
            fieldworkDue: s.period.fieldworkDue,
            reportDue: s.period.reportDue,
            fieldworkScheduledOn: s.period.fieldworkScheduledOn ?? null,
            fieldworkCompletedOn: s.period.fieldworkCompletedOn ?? null,
          },
        ]
      : [],
    reports: [...(s.typeI?.report ? [s.typeI.report] : []), ...s.reports].map(reportRow),
    bridgeLetters: s.bridgeLetters.map((b) => ({ ...b })),
    coverageGaps: coverageGaps(s),
  };
}

function reportRow(r: Soc2ReportRecord): ReadModelReportRow {
  return {
    type: r.type,
    periodNumber: r.periodNumber,
    start: r.start,
    end: r.end,
    issuedOn: r.issuedOn,
    opinion: r.opinion,
    exceptionCount: r.exceptionCount,
  };
}

/** Control exceptions are findings without a severity; they stay open while their remediation task is. */
function exceptionRows(s: Soc2ProgramState): ReadModelFindingRow[] {
  return s.exceptions.map((e) => {
    const task = s.tasks.find((t) => t.id === e.taskId);
    return {
      id: e.id,
      kind: 'control-exception',
      auditId: e.source,
      cycle: e.periodNumber,
      severity: null,
      description: e.description,
      requirementIds: e.requirementIds,
      links: e.links ?? [],
      raisedOn: e.observedOn,
      responseDue: task?.dueDate ?? null,
      status: !task || task.status === 'OPEN' ? 'OPEN' : 'CLOSED',
      closedOn: task?.completedOn ?? null,
      taskId: e.taskId,
      overdueEscalated: task?.escalated ?? false,
    };
  });
}

function soc2Milestones(s: Soc2ProgramState): Pick<ReadModelRows, 'milestones' | 'completeCycles'> {
  const p = s.period;
  const cycle = p?.number ?? 1;
  const m = new MilestoneRows(cycle, s.auditPlan);
  if ((s.origin ?? 'readiness') === 'readiness' && cycle === 1) {
    m.add('readiness', 'assessment', {
      due: s.readinessDue,
      deadline: s.readinessDue,
      actual: s.readinessCompletedOn,
    });
  }
  if (s.typeI && cycle === 1) {
    m.add('type1', 'audit', { scheduled: s.typeI.asOf, actual: s.typeI.report?.issuedOn }, 'type1');
  }
  if (p) {
    m.add('observation-period', 'period', { earliest: p.start, due: p.end });
    m.add(
      'fieldwork',
      'audit',
      {
        due: p.fieldworkDue,
        deadline: p.fieldworkDue,
        scheduled: p.fieldworkScheduledOn,
        actual: p.fieldworkCompletedOn,
      },
      p.planned ?? `fieldwork-${p.number}`,
    );
    m.add('report', 'deadline', { due: p.reportDue, deadline: p.reportDue });
  }
  // The last Type II report closed an earlier period whose rows this run no longer holds: record its issue date.
  const last = s.reports.filter((r) => r.type === 'TYPE2').at(-1);
  if (last && last.periodNumber !== p?.number) {
    const { reportDue } = reportingDeadlines(last.end, s.config);
    m.add(
      'report',
      'deadline',
      { due: reportDue, deadline: reportDue, actual: last.issuedOn },
      undefined,
      last.periodNumber,
    );
  }
  return { milestones: m.rows, completeCycles: p || cycle === 1 ? [cycle] : [] };
}

/** Gaps in coverage so far (an open one has no end yet) and the gaps already planned between periods. */
function coverageGaps(s: Soc2ProgramState): ReadModelCoverageGapRow[] {
  const through = s.coverage.through;
  const gaps = new Map<string, ReadModelCoverageGapRow>();
  for (const seg of s.coverage.segments) {
    if (seg.kind === 'gap')
      gaps.set(seg.from, { from: seg.from, to: seg.to >= through ? null : seg.to, planned: false });
  }
  for (const gap of s.plannedGaps ?? []) {
    if (!gaps.has(gap.from)) gaps.set(gap.from, { from: gap.from, to: gap.to, planned: true });
  }
  return [...gaps.values()];
}
