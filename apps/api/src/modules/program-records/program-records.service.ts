import { Inject, Injectable } from '@nestjs/common';
import { can } from '@certflow/contracts/access';
import type { Prisma, PrismaClient } from '@certflow/db';
import type { z } from 'zod';

import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { dateOnly, utcDay } from '../../common/clock.js';
import { NotFoundError } from '../../common/domain-errors.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import { PRISMA } from '../../database/database.module.js';
import type {
  findingsQuerySchema,
  milestoneSchema,
  programRecordsSchema,
  scheduleQuerySchema,
} from './program-records.schemas.js';

const day = (d: Date | null) => (d ? utcDay(d) : null);
const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

type MilestoneRow = Prisma.ProgramMilestoneGetPayload<object>;

/**
 * Reads of the read model the worker projects (docs/adr/0014): one program's records across every cycle, and the
 * lists across programs (findings, the audit schedule), always through ProgramVisibility. Cost figures are left
 * out for callers without `cost.read` (auditors).
 */
@Injectable()
export class ProgramRecordsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly visibility: ProgramVisibility,
  ) {}

  private milestone(caller: Caller, m: MilestoneRow): z.infer<typeof milestoneSchema> {
    const cost = can(caller.role, 'cost.read');
    return {
      cycle: m.cycle,
      kind: m.kind,
      category: m.category as z.infer<typeof milestoneSchema>['category'],
      earliest: day(m.earliest),
      due: day(m.due),
      deadline: day(m.deadline),
      scheduled: day(m.scheduled),
      actual: day(m.actual),
      plannedDays: num(m.plannedDays),
      plannedCost: cost ? num(m.plannedCost) : null,
      currency: cost ? m.currency : null,
    };
  }

  async records(caller: Caller, programId: string): Promise<z.infer<typeof programRecordsSchema>> {
    const program = await this.prisma.program.findFirst({
      where: { AND: [{ id: programId }, this.visibility.where(caller)] },
      include: {
        milestones: { orderBy: [{ cycle: 'asc' }, { plannedOn: 'asc' }, { kind: 'asc' }] },
        certificates: { orderBy: { cycle: 'asc' } },
        soc2Periods: { orderBy: { number: 'asc' } },
        soc2Reports: { orderBy: [{ issuedOn: 'asc' }, { type: 'asc' }] },
        soc2BridgeLetters: { orderBy: { toDate: 'asc' } },
        soc2CoverageGaps: { orderBy: { fromDate: 'asc' } },
      },
    });
    if (!program) throw new NotFoundError('Program', programId);
    return {
      programId,
      projectedSequence: program.projectedSequence,
      projectedAt: program.projectedAt?.toISOString() ?? null,
      milestones: program.milestones.map((m) => this.milestone(caller, m)),
      certificates: program.certificates.map((c) => ({
        cycle: c.cycle,
        frameworks: c.frameworks,
        number: c.number,
        origin: c.origin,
        status: c.status,
        decisionDate: day(c.decisionDate),
        cycleStart: day(c.cycleStart),
        expiryDate: day(c.expiryDate),
        suspendedSince: day(c.suspendedSince),
        suspendedUntil: day(c.suspendedUntil),
        endedOn: day(c.endedOn),
      })),
      soc2:
        program.kind !== 'SOC2_ATTESTATION'
          ? null
          : {
              periods: program.soc2Periods.map((p) => ({
                number: p.number,
                start: utcDay(p.startDate),
                end: utcDay(p.endDate),
                months: p.months,
                fieldworkDue: utcDay(p.fieldworkDue),
                reportDue: utcDay(p.reportDue),
                fieldworkScheduled: day(p.fieldworkScheduled),
                fieldworkCompleted: day(p.fieldworkCompleted),
              })),
              reports: program.soc2Reports.map((r) => ({
                type: r.type,
                periodNumber: r.periodNumber,
                start: utcDay(r.startDate),
                end: utcDay(r.endDate),
                issuedOn: utcDay(r.issuedOn),
                opinion: r.opinion,
                exceptionCount: r.exceptionCount,
              })),
              bridgeLetters: program.soc2BridgeLetters.map((b) => ({
                afterPeriod: b.afterPeriod,
                issuedOn: utcDay(b.issuedOn),
                from: utcDay(b.fromDate),
                to: utcDay(b.toDate),
              })),
              coverageGaps: program.soc2CoverageGaps.map((g) => ({
                from: utcDay(g.fromDate),
                to: day(g.toDate),
                planned: g.planned,
              })),
            },
    };
  }

  /** Findings across the caller's visible programs, oldest first (e.g. every unresolved major). */
  async findings(caller: Caller, query: z.infer<typeof findingsQuerySchema>) {
    const after = decodeCursor(query.cursor);
    const rows = await this.prisma.finding.findMany({
      where: {
        organizationId: caller.organizationId,
        program: this.visibility.where(caller),
        ...(query.programId && { programId: query.programId }),
        ...(query.severity && { severity: query.severity }),
        ...(query.kind && { kind: query.kind }),
        ...(query.status &&
          (query.status === 'unresolved' ? { status: { not: 'CLOSED' } } : { status: query.status })),
        ...(after && {
          OR: [
            { raisedOn: { gt: dateOnly(after[0] ?? '0001-01-01') } },
            { raisedOn: dateOnly(after[0] ?? '0001-01-01'), id: { gt: after[1] } },
          ],
        }),
      },
      include: { program: { select: { id: true, name: true } } },
      orderBy: [{ raisedOn: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
    });
    return toPage(
      rows,
      query.limit,
      (f) => [utcDay(f.raisedOn), f.id],
      (f) => ({
        id: f.id,
        program: f.program,
        kind: f.kind,
        auditId: f.auditId,
        cycle: f.cycle,
        severity: f.severity,
        status: f.status,
        description: f.description,
        requirementIds: f.requirementIds,
        raisedOn: utcDay(f.raisedOn),
        responseDue: day(f.responseDue),
        closedOn: day(f.closedOn),
        taskId: f.taskId,
      }),
    );
  }

  /** Audits, deadlines and decisions of the caller's visible programs between two days, in date order. */
  async schedule(caller: Caller, query: z.infer<typeof scheduleQuerySchema>) {
    const after = decodeCursor(query.cursor);
    const rows = await this.prisma.programMilestone.findMany({
      where: {
        organizationId: caller.organizationId,
        program: this.visibility.where(caller),
        plannedOn: { gte: dateOnly(query.from), lte: dateOnly(query.to) },
        ...(query.category && { category: query.category }),
        ...(query.programId && { programId: query.programId }),
        ...(after && {
          OR: [
            { plannedOn: { gt: dateOnly(after[0] ?? query.from) } },
            { plannedOn: dateOnly(after[0] ?? query.from), id: { gt: after[1] } },
          ],
        }),
      },
      include: { program: { select: { id: true, name: true } } },
      orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
    });
    return toPage(
      rows,
      query.limit,
      (m) => [day(m.plannedOn), m.id],
      (m) => ({
        ...this.milestone(caller, m),
        id: m.id,
        program: m.program,
        plannedOn: day(m.plannedOn) ?? query.from,
      }),
    );
  }
}
