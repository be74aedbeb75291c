import { Inject, Injectable } from '@nestjs/common';
import {
  type ActualCostInput,
  budgetLineAmount,
  type BudgetLineInput,
  type CostEventType,
} from '@certflow/contracts/domain';
import type { Prisma, PrismaClient } from '@certflow/db';

import { actorOf, type Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { CLOCK, type Clock, dateOnly } from '../../common/clock.js';
import { ConflictError, InputValidationError, NotFoundError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import type { ActualCostView, BudgetLineView } from './cost.schemas.js';
import { toActualView, toLineView } from './cost.views.js';

type Tx = Prisma.TransactionClient;

/** What a line's stored figures are: the inputs of a computed amount, or nothing for a plain amount. */
function storedFigures(line: BudgetLineInput): Prisma.InputJsonObject {
  if (line.kind === 'certification-body') return { auditDays: line.auditDays, dayRate: line.dayRate };
  if (line.kind === 'internal-hours') return { hours: line.hours, hourlyRate: line.hourlyRate };
  return {};
}

/**
 * Changes to budget lines and recorded actual costs. Each change and its audit event (organisation-level, with the
 * program in the payload, so a granted auditor's program trail never shows cost) commit together.
 */
@Injectable()
export class CostLedgerService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  private async event(tx: Tx, caller: Caller, type: CostEventType, payload: Prisma.InputJsonObject) {
    await tx.auditEvent.create({
      data: {
        organizationId: caller.organizationId,
        type,
        actor: actorOf(caller.principal),
        payload,
        occurredAt: this.clock.now(),
      },
    });
  }

  private async program(tx: Tx, caller: Caller, programId: string) {
    const program = await tx.program.findFirst({
      where: { AND: [{ id: programId }, this.visibility.where(caller)] },
      select: { id: true, name: true },
    });
    if (!program) {
      throw new InputValidationError([
        { path: 'programId', message: 'no such program in this organisation' },
      ]);
    }
    return program;
  }

  private async line(tx: Tx, caller: Caller, lineId: string) {
    const line = await tx.budgetLine.findFirst({
      where: { id: lineId, organizationId: caller.organizationId },
      include: { program: { select: { id: true, name: true } } },
    });
    if (!line) throw new NotFoundError('Budget line', lineId);
    return line;
  }

  async createLine(caller: Caller, input: BudgetLineInput): Promise<BudgetLineView> {
    const actor = actorOf(caller.principal);
    return this.prisma.$transaction(async (tx) => {
      const program = await this.program(tx, caller, input.programId);
      const row = await tx.budgetLine.create({
        data: {
          organizationId: caller.organizationId,
          programId: program.id,
          year: input.year,
          kind: input.kind,
          label: input.label,
          currency: input.currency,
          amount: budgetLineAmount(input),
          figures: storedFigures(input),
          createdBy: actor,
          updatedBy: actor,
        },
        include: { program: { select: { id: true, name: true } } },
      });
      const view = toLineView(row, 0);
      await this.event(tx, caller, 'cost.budget-line-created', {
        budgetLineId: row.id,
        programId: program.id,
        to: view,
      });
      return view;
    });
  }

  async replaceLine(caller: Caller, lineId: string, input: BudgetLineInput): Promise<BudgetLineView> {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.line(tx, caller, lineId);
      if (input.programId !== before.programId) {
        throw new InputValidationError([
          { path: 'programId', message: 'a budget line stays with its program' },
        ]);
      }
      const actuals = await tx.costActual.aggregate({
        where: { budgetLineId: lineId },
        _sum: { amount: true },
      });
      const spent = Number(actuals._sum.amount ?? 0);
      if (input.currency !== before.currency && spent > 0) {
        throw new ConflictError('The line has actual costs in its currency; record a new line instead');
      }
      const row = await tx.budgetLine.update({
        where: { id: lineId },
        data: {
          year: input.year,
          kind: input.kind,
          label: input.label,
          currency: input.currency,
          amount: budgetLineAmount(input),
          figures: storedFigures(input),
          updatedBy: actorOf(caller.principal),
        },
        include: { program: { select: { id: true, name: true } } },
      });
      const view = toLineView(row, spent);
      await this.event(tx, caller, 'cost.budget-line-changed', {
        budgetLineId: lineId,
        programId: row.programId,
        from: toLineView(before, spent),
        to: view,
      });
      return view;
    });
  }

  async deleteLine(caller: Caller, lineId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await this.line(tx, caller, lineId);
      const actuals = await tx.costActual.count({ where: { budgetLineId: lineId } });
      if (actuals > 0) {
        throw new ConflictError(`The line has ${actuals} actual cost(s) recorded; delete them first`);
      }
      await tx.budgetLine.delete({ where: { id: lineId } });
      await this.event(tx, caller, 'cost.budget-line-deleted', {
        budgetLineId: lineId,
        programId: before.programId,
        from: toLineView(before, 0),
      });
    });
  }

  async recordActual(caller: Caller, input: ActualCostInput): Promise<ActualCostView> {
    return this.prisma.$transaction(async (tx) => {
      const line = await tx.budgetLine.findFirst({
        where: { id: input.budgetLineId, organizationId: caller.organizationId },
      });
      if (!line) {
        throw new InputValidationError([
          { path: 'budgetLineId', message: 'no such budget line in this organisation' },
        ]);
      }
      const row = await tx.costActual.create({
        data: {
          organizationId: caller.organizationId,
          programId: line.programId,
          budgetLineId: line.id,
          incurredOn: dateOnly(input.incurredOn),
          amount: input.amount,
          currency: line.currency,
          description: input.description,
          recordedBy: actorOf(caller.principal),
        },
        include: { program: { select: { id: true, name: true } } },
      });
      const view = toActualView(row);
      await this.event(tx, caller, 'cost.actual-recorded', {
        actualId: row.id,
        programId: line.programId,
        to: view,
      });
      return view;
    });
  }

  async deleteActual(caller: Caller, actualId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await tx.costActual.findFirst({
        where: { id: actualId, organizationId: caller.organizationId },
        include: { program: { select: { id: true, name: true } } },
      });
      if (!row) throw new NotFoundError('Actual cost', actualId);
      await tx.costActual.delete({ where: { id: actualId } });
      await this.event(tx, caller, 'cost.actual-deleted', {
        actualId,
        programId: row.programId,
        from: toActualView(row),
      });
    });
  }
}
