import { Inject, Injectable } from '@nestjs/common';
import { type FrameworkId, isFrameworkId, requirementsOf } from '@certflow/catalog';
import {
  type MilestoneCategory,
  milestoneRisk,
  nextDaysEnd,
  readinessPercent,
} from '@certflow/contracts/domain';
import type { Prisma, PrismaClient } from '@certflow/db';

import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { CLOCK, type Clock, dateOnly, utcDay } from '../../common/clock.js';
import { PRISMA } from '../../database/database.module.js';
import type { DashboardView } from './dashboard.schemas.js';

const day = (d: Date | null) => (d ? utcDay(d) : null);
/** SOC 2 readiness counts the criteria always in scope (security); other frameworks count every leaf. */
const inScope = (framework: FrameworkId) =>
  new Set(requirementsOf(framework, { assessableOnly: true, scopes: [] }).map((r) => r.id as string));

type MilestoneRow = Prisma.ProgramMilestoneGetPayload<{
  include: { program: { select: { id: true; name: true } } };
}>;

/**
 * Leadership's figures beside the overview: readiness per framework (from the organisation's implementation
 * statuses, open tasks and open findings of its programs), milestones at risk and the next 90 days, from the read
 * model. A program under two frameworks counts under both.
 */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  async dashboard(caller: Caller): Promise<DashboardView> {
    const today = utcDay(this.clock.now());
    const programs = await this.prisma.program.findMany({
      where: this.visibility.where(caller),
      select: { id: true, frameworks: true },
    });
    const ids = programs.map((p) => p.id);
    const [statuses, tasks, findings, milestones] = await Promise.all([
      this.prisma.requirementStatus.findMany({
        where: { organizationId: caller.organizationId },
        select: { framework: true, status: true, requirementId: true },
      }),
      this.prisma.remediationTask.groupBy({
        by: ['programId'],
        where: { programId: { in: ids }, status: 'OPEN' },
        _count: { _all: true },
      }),
      this.prisma.finding.groupBy({
        by: ['programId', 'severity'],
        where: { programId: { in: ids }, status: { not: 'CLOSED' }, severity: { in: ['MAJOR', 'MINOR'] } },
        _count: { _all: true },
      }),
      this.prisma.programMilestone.findMany({
        where: {
          programId: { in: ids },
          actual: null,
          OR: [
            { deadline: { not: null } },
            { plannedOn: { gte: dateOnly(today), lte: dateOnly(nextDaysEnd(today)) } },
          ],
        },
        include: { program: { select: { id: true, name: true } } },
        orderBy: [{ plannedOn: 'asc' }, { kind: 'asc' }],
      }),
    ]);
    const frameworks = [...new Set(programs.flatMap((p) => p.frameworks))].filter(isFrameworkId).sort();
    const readiness = frameworks.map((framework) => {
      const scope = inScope(framework);
      const mine = statuses.filter((s) => s.framework === framework && scope.has(s.requirementId));
      const count = (status: string) => mine.filter((s) => s.status === status).length;
      const counts = {
        requirements: scope.size,
        implemented: count('implemented'),
        partial: count('partial'),
        notApplicable: count('not_applicable'),
      };
      const under = new Set(programs.filter((p) => p.frameworks.includes(framework)).map((p) => p.id));
      const sum = (rows: { programId: string; _count: { _all: number } }[]) =>
        rows.filter((r) => under.has(r.programId)).reduce((s, r) => s + r._count._all, 0);
      return {
        framework,
        programs: under.size,
        ...counts,
        readinessPercent: readinessPercent(counts),
        openTasks: sum(tasks),
        openMajorFindings: sum(findings.filter((f) => f.severity === 'MAJOR')),
        openMinorFindings: sum(findings.filter((f) => f.severity === 'MINOR')),
      };
    });
    const view = (m: MilestoneRow) => ({
      program: m.program,
      cycle: m.cycle,
      kind: m.kind,
      category: m.category as MilestoneCategory,
      plannedOn: day(m.plannedOn),
      deadline: day(m.deadline),
      scheduled: day(m.scheduled),
    });
    const end = nextDaysEnd(today);
    return {
      today,
      readiness,
      atRisk: milestones.flatMap((m) => {
        const risk = milestoneRisk(
          { deadline: day(m.deadline), scheduled: day(m.scheduled), actual: null },
          today,
        );
        return risk ? [{ ...view(m), risk }] : [];
      }),
      next90Days: milestones
        .filter((m) => {
          const on = day(m.plannedOn);
          return on !== null && on >= today && on <= end;
        })
        .map(view),
    };
  }
}
