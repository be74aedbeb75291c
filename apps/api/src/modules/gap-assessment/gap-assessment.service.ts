import { Inject, Injectable } from '@nestjs/common';
import { getFramework } from '@certflow/catalog';
import type { GapAnswersUpdate, StartGapAssessment } from '@certflow/contracts/implementation';
import type { Prisma, PrismaClient, Program } from '@certflow/db';

import { type Caller, actorOf } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { CLOCK, type Clock, dateOnly, utcDay } from '../../common/clock.js';
import { ConflictError, InputValidationError, NotFoundError } from '../../common/domain-errors.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { recordImplementationEvents } from '../requirement-status/implementation-events.js';
import type { GapAssessmentView } from './gap-assessment.schemas.js';
import { answersOf, type AssessmentRow, buildView, gapScopeOf } from './gap-assessment.view.js';
import { scopeRequirements, suggestions } from './prefill.js';

const soc2Categories = getFramework('soc2')
  .scopes.filter((s) => !s.alwaysInScope)
  .map((s) => s.id);

/** Why a program has no gap assessment: it started from a certificate or in the middle of SOC 2 periods. */
function startedPastTheGapAssessment(program: Program): string | null {
  const config = (program.config ?? {}) as Record<string, unknown>;
  if (program.kind === 'ISO_CERTIFICATION' && config.existingCertificate !== undefined) {
    return `Program ${program.id} started from an existing certificate, so it has no gap assessment; record the organisation's implementation statuses instead`;
  }
  if (program.kind === 'SOC2_ATTESTATION' && (config.currentPeriod ?? config.lastReport) !== undefined) {
    return `Program ${program.id} started in the middle of its observation periods, so it has no readiness assessment`;
  }
  return null;
}

/**
 * A program's gap assessment (ISO) or readiness assessment (SOC 2) while people work on it: the pre-filled
 * view, starting the draft and answering items. Finalising is `GapFinalisationService`.
 */
@Injectable()
export class GapAssessmentService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  async program(caller: Caller, id: string): Promise<Program> {
    const program = await this.prisma.program.findFirst({
      where: { AND: [{ id }, this.visibility.where(caller)] },
    });
    if (!program) throw new NotFoundError('Program', id);
    return program;
  }

  assessment(programId: string, tx: Pick<PrismaClient, 'gapAssessment'> = this.prisma) {
    return tx.gapAssessment.findUnique({ where: { programId }, include: { items: true } });
  }

  async recorded(organizationId: string) {
    const rows = await this.prisma.requirementStatus.findMany({
      where: { organizationId },
      select: { requirementId: true, status: true },
    });
    return new Map(rows.map((row) => [row.requirementId, row.status]));
  }

  async view(program: Program, row?: AssessmentRow | null): Promise<GapAssessmentView> {
    const assessment = row === undefined ? await this.assessment(program.id) : row;
    return buildView(program, assessment, await this.recorded(program.organizationId));
  }

  async get(caller: Caller, id: string): Promise<GapAssessmentView> {
    return this.view(await this.program(caller, id));
  }

  /** Starts the draft; a second start returns the existing one (`created: false`). */
  async start(
    caller: Caller,
    id: string,
    body: StartGapAssessment,
  ): Promise<{ view: GapAssessmentView; created: boolean }> {
    const program = await this.program(caller, id);
    const existing = await this.assessment(program.id);
    if (existing) return { view: await this.view(program, existing), created: false };
    const refused = startedPastTheGapAssessment(program);
    if (refused) throw new ConflictError(refused);
    const categories = [...new Set(body.soc2Categories ?? [])];
    const unknown = categories.findIndex((c) => !soc2Categories.includes(c));
    if (unknown >= 0 || (categories.length > 0 && program.kind !== 'SOC2_ATTESTATION')) {
      throw new InputValidationError([
        {
          path: `soc2Categories.${Math.max(unknown, 0)}`,
          message:
            program.kind === 'SOC2_ATTESTATION'
              ? `must be one of ${soc2Categories.join(', ')}`
              : 'only SOC 2 programs choose trust services categories',
        },
      ]);
    }
    const actor = actorOf(caller.principal);
    try {
      await this.prisma.$transaction(async (tx) => {
        const row = await tx.gapAssessment.create({
          data: {
            organizationId: program.organizationId,
            programId: program.id,
            frameworks: program.frameworks,
            scopes: categories,
            startedBy: actor,
          },
        });
        await recordImplementationEvents(tx, this.clock.now(), [
          {
            type: 'gap-assessment.started',
            actor,
            organizationId: program.organizationId,
            programId: program.id,
            payload: { gapAssessmentId: row.id, frameworks: program.frameworks, soc2Categories: categories },
          },
        ]);
      });
    } catch (error) {
      // Two starts at once: the second answers like a repeat of the first.
      if (!isUniqueViolation(error)) throw error;
      return { view: await this.view(program), created: false };
    }
    return { view: await this.view(program), created: true };
  }

  /** Confirms or changes items of the draft; each real change is an audit event on the program. */
  async answer(caller: Caller, id: string, body: GapAnswersUpdate): Promise<GapAssessmentView> {
    const program = await this.program(caller, id);
    const actor = actorOf(caller.principal);
    await this.prisma.$transaction(async (tx) => {
      const row = await this.lockedDraft(tx, program);
      const scope = gapScopeOf(program, row);
      const inScope = new Set(scopeRequirements(scope));
      const outside = body.items.findIndex((item) => !inScope.has(item.requirementId as never));
      if (outside >= 0) {
        throw new InputValidationError([
          {
            path: `items.${outside}.requirementId`,
            message: `${body.items[outside]?.requirementId} is not part of this assessment (${scope.frameworks.join(', ')})`,
          },
        ]);
      }
      const suggested = suggestions(scope, await this.recorded(program.organizationId), answersOf(row));
      const before = new Map(row.items.map((item) => [item.requirementId, item]));
      const now = this.clock.now();
      const events = [];
      for (const input of body.items) {
        const data = {
          status: input.status,
          ownerEmail: input.ownerEmail?.toLowerCase() || null,
          evidence: input.evidence || null,
          note: input.note || null,
          justification: input.justification || null,
          taskTitle: input.task?.title ?? null,
          taskOwnerEmail: input.task?.ownerEmail?.toLowerCase() ?? null,
          taskDueDate: input.task?.dueDate ? dateOnly(input.task.dueDate) : null,
        };
        const previous = before.get(input.requirementId);
        if (previous && unchanged(previous, data)) continue;
        const suggestion = suggested.get(input.requirementId as never);
        const snapshot = {
          suggestedStatus: suggestion?.status ?? 'not_implemented',
          suggestedBasis: suggestion?.basis ?? 'open',
          answeredBy: actor,
          answeredAt: now,
        };
        await tx.gapAssessmentItem.upsert({
          where: {
            gapAssessmentId_requirementId: { gapAssessmentId: row.id, requirementId: input.requirementId },
          },
          create: { gapAssessmentId: row.id, requirementId: input.requirementId, ...data, ...snapshot },
          update: { ...data, ...snapshot },
        });
        events.push({
          type: 'gap-assessment.answered' as const,
          actor,
          organizationId: program.organizationId,
          programId: program.id,
          payload: {
            gapAssessmentId: row.id,
            requirementId: input.requirementId,
            from: previous?.status ?? null,
            status: input.status,
            suggested: snapshot.suggestedStatus,
            basis: snapshot.suggestedBasis,
            ...(data.justification && { justification: data.justification }),
          } as Prisma.InputJsonObject,
        });
      }
      await recordImplementationEvents(tx, now, events);
    });
    return this.view(program);
  }

  /** The draft, locked against a concurrent finalisation until the transaction ends. */
  private async lockedDraft(tx: Prisma.TransactionClient, program: Program): Promise<AssessmentRow> {
    await tx.$queryRaw`SELECT id FROM gap_assessments WHERE program_id = ${program.id}::uuid FOR UPDATE`;
    const row = await this.assessment(program.id, tx);
    if (!row) {
      throw new ConflictError(`Program ${program.id} has no gap assessment yet; start one first`);
    }
    if (row.status !== 'DRAFT') {
      throw new ConflictError(
        `The gap assessment of program ${program.id} is ${row.status === 'FINALISED' ? 'finalised' : 'being finalised'}; its answers can no longer change`,
      );
    }
    return row;
  }
}

function unchanged(
  previous: AssessmentRow['items'][number],
  next: Record<string, string | Date | null>,
): boolean {
  return Object.entries(next).every(([key, value]) => {
    const old = previous[key as keyof typeof previous];
    if (value instanceof Date || old instanceof Date) {
      return (value instanceof Date ? utcDay(value) : value) === (old instanceof Date ? utcDay(old) : old);
    }
    return old === value;
  });
}
