import { Inject, Injectable } from '@nestjs/common';
import { type FrameworkId, getRequirement, requirementGroup, requirementsOf } from '@certflow/catalog';
import type { SoaUpdate } from '@certflow/contracts/implementation';
import type { Prisma, PrismaClient, Program, RequirementStatus, SoaEntry } from '@certflow/db';
import type { Client } from '@temporalio/client';

import { type Caller, actorOf } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { ConflictError, InputValidationError, NotFoundError } from '../../common/domain-errors.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module.js';
import { recordImplementationEvents } from '../requirement-status/implementation-events.js';
import { programTasks, type ProgramTask, taskByRequirement } from './program-tasks.js';
import type { SoaLine, SoaView } from './soa.schemas.js';

/** Every Annex A control of the program's ISO standards (27001: 93, 42001: 38), in catalog order. */
function annexControls(program: Program): string[] {
  return program.frameworks.flatMap((framework) =>
    requirementsOf(framework as FrameworkId, { assessableOnly: true })
      .filter((r) => r.kind === 'annex-control')
      .map((r) => r.id),
  );
}

function line(
  requirementId: string,
  entry: SoaEntry | undefined,
  status: RequirementStatus | undefined,
  task: ProgramTask | undefined,
): SoaLine {
  const requirement = getRequirement(requirementId);
  if (!requirement) throw new Error(`${requirementId} left the catalog`);
  const theme = requirementGroup(requirement.id);
  const applicability = entry
    ? { applicable: entry.applicable, justification: entry.justification, source: 'statement' as const }
    : status?.status === 'not_applicable'
      ? { applicable: false, justification: status.justification, source: 'implementation-status' as const }
      : { applicable: true, justification: null, source: 'default' as const };
  return {
    requirementId,
    framework: requirement.framework,
    ref: requirement.ref,
    title: requirement.title,
    theme: { ref: theme.ref, title: theme.title },
    ...applicability,
    updatedBy: entry?.updatedBy ?? null,
    implementation: {
      status: status?.status ?? null,
      ownerEmail: status?.ownerEmail ?? null,
      evidence: status?.evidence ?? null,
      note: status?.note ?? null,
    },
    task: task
      ? {
          id: task.id,
          title: task.title,
          status: task.status,
          ownerEmail: task.ownerEmail,
          dueDate: task.dueDate,
        }
      : null,
  };
}

function summarise(lines: readonly SoaLine[]): SoaView['summary'] {
  const summary: SoaView['summary'] = {};
  for (const l of lines) {
    const s = (summary[l.framework] ??= {
      controls: 0,
      applicable: 0,
      excluded: 0,
      implemented: 0,
      partial: 0,
      notImplemented: 0,
      unrecorded: 0,
    });
    s.controls++;
    if (!l.applicable) {
      s.excluded++;
      continue;
    }
    s.applicable++;
    const status = l.implementation.status;
    if (status === 'implemented') s.implemented++;
    else if (status === 'partial') s.partial++;
    else if (status === 'not_implemented') s.notImplemented++;
    else s.unrecorded++;
  }
  return summary;
}

/**
 * The Statement of Applicability of an ISO program (ISO/IEC 27001 6.1.3 d, ISO/IEC 42001 6.1.3): every Annex A
 * control of its standards, applicable or excluded with a justification, its implementation status from the
 * organisation's statuses, and the remediation task that addresses it.
 */
@Injectable()
export class SoaService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  private async program(caller: Caller, id: string): Promise<Program> {
    const program = await this.prisma.program.findFirst({
      where: { AND: [{ id }, this.visibility.where(caller)] },
    });
    if (!program) throw new NotFoundError('Program', id);
    if (program.kind !== 'ISO_CERTIFICATION') {
      throw new ConflictError(
        `Program ${id} is a SOC 2 attestation; a Statement of Applicability belongs to ISO management systems`,
      );
    }
    return program;
  }

  async get(caller: Caller, id: string): Promise<SoaView> {
    return this.view(await this.program(caller, id));
  }

  private async view(program: Program): Promise<SoaView> {
    const controls = annexControls(program);
    const [entries, statuses, tasks] = await Promise.all([
      this.prisma.soaEntry.findMany({ where: { programId: program.id } }),
      this.prisma.requirementStatus.findMany({
        where: { organizationId: program.organizationId, requirementId: { in: controls } },
      }),
      programTasks(this.temporal, this.prisma, program, this.config.temporal.queryTimeoutMs),
    ]);
    const entryOf = new Map(entries.map((e) => [e.requirementId, e]));
    const statusOf = new Map(statuses.map((s) => [s.requirementId, s]));
    const taskOf = taskByRequirement(tasks.tasks);
    const lines = controls.map((id) => line(id, entryOf.get(id), statusOf.get(id), taskOf.get(id)));
    return {
      programId: program.id,
      programName: program.name,
      frameworks: program.frameworks,
      tasksFrom: tasks.from,
      summary: summarise(lines),
      lines,
    };
  }

  /** Includes or excludes controls; each real change is an audit event on the program with the caller as actor. */
  async update(caller: Caller, id: string, body: SoaUpdate): Promise<SoaView> {
    const program = await this.program(caller, id);
    const controls = new Set(annexControls(program));
    const outside = body.entries.findIndex((e) => !controls.has(e.requirementId));
    if (outside >= 0) {
      throw new InputValidationError([
        {
          path: `entries.${outside}.requirementId`,
          message: `${body.entries[outside]?.requirementId} is not an Annex A control of this program's standards (${program.frameworks.join(', ')})`,
        },
      ]);
    }
    const actor = actorOf(caller.principal);
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(2026120103, hashtext(${program.id}))`;
      const before = new Map(
        (await tx.soaEntry.findMany({ where: { programId: program.id } })).map((e) => [e.requirementId, e]),
      );
      const events = [];
      for (const entry of body.entries) {
        const justification = entry.justification?.trim() || null;
        const previous = before.get(entry.requirementId);
        if (previous?.applicable === entry.applicable && previous.justification === justification) continue;
        await tx.soaEntry.upsert({
          where: { programId_requirementId: { programId: program.id, requirementId: entry.requirementId } },
          create: {
            programId: program.id,
            organizationId: program.organizationId,
            requirementId: entry.requirementId,
            applicable: entry.applicable,
            justification,
            updatedBy: actor,
          },
          update: { applicable: entry.applicable, justification, updatedBy: actor },
        });
        events.push({
          type: 'statement-of-applicability.changed' as const,
          actor,
          organizationId: program.organizationId,
          programId: program.id,
          payload: {
            requirementId: entry.requirementId,
            from: previous
              ? { applicable: previous.applicable, justification: previous.justification }
              : null,
            to: { applicable: entry.applicable, justification },
          } as Prisma.InputJsonObject,
        });
      }
      await recordImplementationEvents(tx, this.clock.now(), events);
    });
    return this.view(program);
  }
}
