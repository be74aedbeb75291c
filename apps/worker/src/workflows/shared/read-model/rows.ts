import type {
  CalendarDate,
  CostPlan,
  MilestoneCategory,
  ReadModelMilestoneRow,
  ReadModelProgramRow,
  ReadModelTaskRow,
  RemediationTaskState,
} from '@certflow/contracts';

/** Row builders both program kinds share (ISO rows in `iso-rows.ts`, SOC 2 in `soc2-rows.ts`). */

export function programRow(
  snapshot: {
    stage: string;
    atRisk: boolean;
    atRiskReasons: string[];
    nextMilestone: { kind: string; due: CalendarDate } | null;
  },
  cycle: number,
): ReadModelProgramRow {
  return {
    stage: snapshot.stage,
    status: snapshot.stage === 'ENDED' ? 'COMPLETED' : 'RUNNING',
    cycle,
    atRisk: snapshot.atRisk,
    atRiskReasons: snapshot.atRiskReasons,
    nextMilestone: snapshot.nextMilestone ? { ...snapshot.nextMilestone } : null,
  };
}

export function taskRow(task: RemediationTaskState, cycle: number): ReadModelTaskRow {
  return {
    id: task.id,
    title: task.title,
    ownerEmail: task.ownerEmail,
    dueDate: task.dueDate,
    status: task.status,
    requirementIds: task.requirementIds,
    links: task.links ?? [],
    source: task.source.kind,
    findingId: task.source.kind === 'finding' ? task.source.findingId : null,
    cycle,
    evidence: task.evidence,
    completedOn: task.completedOn ?? null,
    cancelReason: task.cancelReason ?? null,
    escalated: task.escalated,
  };
}

type MilestoneDates = Partial<
  Pick<ReadModelMilestoneRow, 'earliest' | 'due' | 'deadline' | 'scheduled' | 'actual'>
>;

/** Collects the milestone rows of one cycle, with the planned days and cost of the cycle's cost plan. */
export class MilestoneRows {
  readonly rows: ReadModelMilestoneRow[] = [];
  private readonly plan: Map<string, { days: number | null; cost: number | null }>;
  private readonly currency: string | null;

  constructor(
    private readonly cycle: number,
    costPlan: CostPlan | undefined,
  ) {
    this.plan = new Map((costPlan?.audits ?? []).map((a) => [a.audit, { days: a.days, cost: a.cost }]));
    this.currency = costPlan?.currency ?? null;
  }

  add(
    kind: string,
    category: MilestoneCategory,
    dates: { [K in keyof MilestoneDates]?: CalendarDate | null | undefined },
    figures?: { days: number | null; cost: number | null } | string,
    cycle = this.cycle,
  ): void {
    const planned = typeof figures === 'string' ? this.plan.get(figures) : figures;
    this.rows.push({
      cycle,
      kind,
      category,
      earliest: dates.earliest ?? null,
      due: dates.due ?? null,
      deadline: dates.deadline ?? null,
      scheduled: dates.scheduled ?? null,
      actual: dates.actual ?? null,
      plannedDays: planned?.days ?? null,
      plannedCost: planned?.cost ?? null,
      currency: planned ? this.currency : null,
    });
  }
}
