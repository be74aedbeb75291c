import { Inject, Injectable } from '@nestjs/common';
import {
  type CalendarDate,
  isoWeekOf,
  type MilestoneCategory,
  type ScheduleInput,
  type ScheduleProgram,
  type ScheduleTaskLoad,
} from '@certflow/contracts/domain';
import type { Prisma, PrismaClient } from '@certflow/db';

import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { utcDay } from '../../common/clock.js';
import { PRISMA } from '../../database/database.module.js';

const day = (d: Date | null): CalendarDate | null => (d ? utcDay(d) : null);
const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

type Terms = { currency?: string; dayRate?: number; travelPerAuditDay?: number } | null;

interface StoredStart {
  config?: { certificationBody?: string; cpaFirm?: string };
  settings?: { terms?: Terms };
}

/**
 * The program's auditor (certification body or CPA firm) from the parameters it was started with, and its day
 * cost from the terms in force: changed since the start (a JSON null: removed), else as started.
 */
function auditorOf(
  config: unknown,
  settingsChanges: unknown,
): Pick<ScheduleProgram, 'certificationBody' | 'dailyRate' | 'currency'> {
  const start = (config ?? {}) as StoredStart;
  const changes = (settingsChanges ?? {}) as { terms?: Terms };
  const terms = 'terms' in changes ? changes.terms : start.settings?.terms;
  return {
    certificationBody: start.config?.certificationBody ?? start.config?.cpaFirm ?? null,
    dailyRate: typeof terms?.dayRate === 'number' ? terms.dayRate + (terms.travelPerAuditDay ?? 0) : null,
    currency: terms?.currency ?? null,
  };
}

export interface ScheduleFilter {
  framework?: string | undefined;
  programId?: string | undefined;
  /**
   * Count open tasks per owner and ISO week in SQL and bring back only the groups above this many, instead of
   * every task of the organisation (the pure rule judges them again). Without it every open task is read (the
   * calendar feed lists them).
   */
  overloadedAbove?: number | undefined;
}

/**
 * Reads the schedule's inputs from the read model (docs/adr/0014) for the programs the caller may see: running
 * programs' milestones of every cycle still held, SOC 2 coverage, and open remediation tasks. Five queries,
 * whatever the number of programs.
 */
@Injectable()
export class ScheduleSource {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly visibility: ProgramVisibility,
  ) {}

  async load(caller: Caller, filter: ScheduleFilter = {}): Promise<ScheduleInput> {
    const rows = await this.prisma.program.findMany({
      where: {
        AND: [
          this.visibility.where(caller),
          { status: { in: ['RUNNING', 'PENDING'] } },
          ...(filter.framework ? [{ frameworks: { has: filter.framework } }] : []),
          ...(filter.programId ? [{ id: filter.programId }] : []),
        ],
      },
      select: { id: true, name: true, kind: true, frameworks: true, config: true, settingsChanges: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const ids = rows.map((r) => r.id);
    const inPrograms = { programId: { in: ids } };
    const [milestones, tasks, loads, reports, letters, gaps, periods] = await Promise.all([
      this.prisma.programMilestone.findMany({ where: inPrograms }),
      filter.overloadedAbove === undefined
        ? this.prisma.remediationTask.findMany({
            where: { ...inPrograms, status: 'OPEN' },
            select: { id: true, programId: true, ownerEmail: true, dueDate: true },
          })
        : Promise.resolve([]),
      filter.overloadedAbove === undefined
        ? Promise.resolve(undefined)
        : this.overloadedLoads(ids, filter.overloadedAbove),
      this.prisma.soc2Report.findMany({ where: inPrograms }),
      this.prisma.soc2BridgeLetter.findMany({ where: inPrograms }),
      this.prisma.soc2CoverageGap.findMany({ where: inPrograms }),
      this.prisma.soc2Period.findMany({ where: inPrograms, orderBy: { number: 'desc' } }),
    ]);
    const soc2 = rows.filter((r) => r.kind === 'SOC2_ATTESTATION');
    return {
      programs: rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        frameworks: r.frameworks,
        ...auditorOf(r.config, r.settingsChanges),
      })),
      milestones: milestones.map((m) => ({
        programId: m.programId,
        cycle: m.cycle,
        kind: m.kind,
        category: m.category as MilestoneCategory,
        earliest: day(m.earliest),
        due: day(m.due),
        deadline: day(m.deadline),
        scheduled: day(m.scheduled),
        actual: day(m.actual),
        plannedDays: num(m.plannedDays),
        plannedCost: num(m.plannedCost),
      })),
      ...(loads && { taskLoads: loads }),
      tasks: tasks.map((t) => ({
        id: t.id,
        programId: t.programId,
        ownerEmail: t.ownerEmail,
        dueDate: utcDay(t.dueDate),
      })),
      coverage: soc2.map((p) => {
        // The latest period whose Type II report is not issued yet: the report "in sight".
        const current = periods.find(
          (x) =>
            x.programId === p.id &&
            !reports.some((r) => r.programId === p.id && r.type === 'TYPE2' && r.periodNumber === x.number),
        );
        return {
          programId: p.id,
          reports: reports
            .filter((r) => r.programId === p.id)
            .map((r) => ({
              type: r.type as 'TYPE1' | 'TYPE2',
              end: utcDay(r.endDate),
              issuedOn: utcDay(r.issuedOn),
            })),
          bridgeLetters: letters
            .filter((b) => b.programId === p.id)
            .map((b) => ({ issuedOn: utcDay(b.issuedOn), from: utcDay(b.fromDate), to: utcDay(b.toDate) })),
          gaps: gaps
            .filter((g) => g.programId === p.id)
            .map((g) => ({ from: utcDay(g.fromDate), to: day(g.toDate), planned: g.planned })),
          currentPeriod: current
            ? { end: utcDay(current.endDate), reportDue: utcDay(current.reportDue) }
            : null,
        };
      }),
    };
  }

  /**
   * Open tasks counted per owner and week in PostgreSQL, only the groups above the limit (date_trunc('week')
   * starts weeks on Monday, as ISO 8601 does); the pure rule judges them again.
   */
  private async overloadedLoads(programIds: string[], limit: number): Promise<ScheduleTaskLoad[]> {
    if (programIds.length === 0) return [];
    const rows = await this.prisma.$queryRaw<
      { owner: string; monday: Date; count: number; firstDue: Date; programIds: string[] }[]
    >`
      SELECT lower(owner_email) AS owner, date_trunc('week', due_date)::date AS monday, count(*)::int AS count,
             min(due_date) AS "firstDue", array_agg(DISTINCT program_id::text) AS "programIds"
      FROM remediation_tasks
      WHERE program_id = ANY(${programIds}::uuid[]) AND status = 'OPEN'
      GROUP BY 1, 2
      HAVING count(*) > ${limit}`;
    return rows.map((r) => ({
      ownerEmail: r.owner,
      week: isoWeekOf(utcDay(r.monday)),
      count: r.count,
      firstDue: utcDay(r.firstDue),
      programIds: r.programIds,
    }));
  }
}
