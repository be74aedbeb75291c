import { Inject, Injectable } from '@nestjs/common';
import { getRequirement } from '@certflow/catalog';
import { can } from '@certflow/contracts/access';
import { type RequirementLink, requirementLinksOf } from '@certflow/contracts/domain';
import type { PrismaClient } from '@certflow/db';

import { type Caller, actorOf } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock, utcDay } from '../../common/clock.js';
import { ForbiddenError, NotFoundError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import type { TaskDetailView } from './tasks.schemas.js';

const COMMENTS_SHOWN = 200;

function requirementRef(id: string) {
  return { id, framework: id.split(':')[0] ?? '', title: getRequirement(id)?.title ?? null };
}

function linksOf(stored: unknown, requirementIds: string[]): RequirementLink[] {
  return Array.isArray(stored) && stored.length > 0
    ? (stored as RequirementLink[])
    : requirementLinksOf(requirementIds);
}

/**
 * One remediation task as its page shows it (requirement, crosswalk links, program, finding, evidence,
 * comments), and comments on it. Readers see tasks of the programs visible to them; comments need
 * `tasks.work`, and a control owner comments on their own tasks only.
 */
@Injectable()
export class TasksService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditTrail,
  ) {}

  async detail(caller: Caller, taskId: string): Promise<TaskDetailView> {
    const task = await this.visibleTask(caller, taskId);
    const [evidence, comments] = await Promise.all([
      this.evidence.ofTask(task.id),
      this.prisma.taskComment.findMany({
        where: { taskId: task.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: COMMENTS_SHOWN,
      }),
    ]);
    const dueDate = utcDay(task.dueDate);
    const own = this.owns(caller, task.ownerEmail);
    const open = task.status === 'OPEN';
    return {
      id: task.id,
      title: task.title,
      status: task.status,
      ownerEmail: task.ownerEmail,
      dueDate,
      overdue: open && dueDate < utcDay(this.clock.now()),
      completedOn: task.completedOn ? utcDay(task.completedOn) : null,
      source: task.source,
      program: task.program,
      requirements: task.requirementIds.map(requirementRef),
      // The workflow's own links (projected with the task), else the catalog's for rows written before them.
      links: linksOf(task.links, task.requirementIds).map((link) => ({
        ...requirementRef(link.to),
        from: link.from,
        relation: link.relation,
        crosswalk: link.crosswalk,
      })),
      finding: task.finding,
      evidence,
      comments: comments.reverse().map((c) => ({
        id: c.id,
        author: c.author,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      })),
      viewer: {
        canComment: this.mayWork(caller, task.ownerEmail),
        canUploadEvidence:
          open && can(caller.role, 'evidence.upload') && (caller.role !== 'control_owner' || own),
        canComplete: open && this.mayWork(caller, task.ownerEmail),
        canReassign: open && can(caller.role, 'tasks.assign'),
      },
    };
  }

  async comment(caller: Caller, taskId: string, body: string) {
    const task = await this.visibleTask(caller, taskId);
    if (!this.mayWork(caller, task.ownerEmail)) {
      throw new ForbiddenError('forbidden', 'A control owner comments on their own tasks only');
    }
    const author = actorOf(caller.principal);
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.taskComment.create({
        data: {
          organizationId: caller.organizationId,
          programId: task.program.id,
          taskId: task.id,
          author,
          body,
        },
      });
      await this.audit.recordProgramEvent(
        {
          type: 'task.comment-added',
          actor: author,
          organizationId: caller.organizationId,
          programId: task.program.id,
          payload: { taskId: task.id, commentId: row.id, length: body.length },
        },
        tx,
      );
      return { id: row.id, author: row.author, body: row.body, createdAt: row.createdAt.toISOString() };
    });
  }

  /** The task if its program is visible to the caller; otherwise the same 404 as a task that does not exist. */
  private async visibleTask(caller: Caller, taskId: string) {
    const task = await this.prisma.remediationTask.findFirst({
      where: { id: taskId, program: this.visibility.where(caller) },
      include: {
        program: { select: { id: true, name: true, kind: true, frameworks: true } },
        finding: { select: { id: true, auditId: true, severity: true, description: true, status: true } },
      },
    });
    if (!task) throw new NotFoundError('Task', taskId);
    return task;
  }

  private owns(caller: Caller, ownerEmail: string): boolean {
    return (
      caller.principal.kind === 'user' && caller.principal.email.toLowerCase() === ownerEmail.toLowerCase()
    );
  }

  /** `tasks.work`, and for a control owner only on their own tasks. */
  private mayWork(caller: Caller, ownerEmail: string): boolean {
    if (!can(caller.role, 'tasks.work')) return false;
    return caller.role !== 'control_owner' || this.owns(caller, ownerEmail);
  }
}
