import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Evidence, PrismaClient } from '@certflow/db';
import type { Request } from 'express';

import { type Caller, actorOf } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { cursorPatterns, decodeCursor, encodeCursor } from '../../common/cursor.js';
import {
  ConflictError,
  ForbiddenError,
  InputValidationError,
  NotFoundError,
  PayloadTooLargeError,
} from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { cleanFileName, detectContentType } from './content-type.js';
import { EvidenceStore, FileTooLargeError } from './evidence-store.js';
import {
  type EvidenceFields,
  evidenceFieldsSchema,
  type EvidenceItemView,
  type EvidenceListQuery,
} from './evidence.schemas.js';
import { ProgramActionsService } from '../program-actions/program-actions.service.js';
import { readMultipart } from './multipart-upload.js';

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

// Multipart framing and the text fields around the file; a declared length beyond limit + this is refused unread.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

type EvidenceRow = Evidence & { blob: { sizeBytes: bigint; contentType: string } };

export interface UploadOutcome {
  evidence: EvidenceItemView;
  storage: 'stored' | 'reused';
  duplicate: boolean;
}

/**
 * Evidence files: streamed upload with a size limit, SHA-256, content type from the bytes, stored once per
 * organisation and checksum, linked to a task, a requirement and/or an audit of one program; listed and
 * downloaded only by callers who may see that program. Uploads need `evidence.upload`; a control owner uploads
 * only to their own tasks.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly visibility: ProgramVisibility,
    private readonly audit: AuditTrail,
    private readonly actions: ProgramActionsService,
  ) {}

  async upload(caller: Caller, programId: string, req: Request): Promise<UploadOutcome> {
    await this.visibility.assertVisible(caller, programId);
    const program = await this.prisma.program.findUniqueOrThrow({
      where: { id: programId },
      select: { frameworks: true },
    });
    const limit = this.store.limitBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit + MULTIPART_OVERHEAD_BYTES) throw tooLarge(limit);

    const received = await readMultipart(req, {
      fileField: 'file',
      maxFileBytes: limit,
      onFile: async (rawFields, file) => {
        const fields = parseFields(rawFields);
        await this.checkLinks(caller, programId, program.frameworks, fields);
        try {
          const stored = await this.store.put(caller.organizationId, file.stream, file.truncated);
          return { fields, fileName: cleanFileName(file.fileName), stored };
        } catch (error) {
          if (error instanceof FileTooLargeError) throw tooLarge(limit);
          throw error;
        }
      },
    });

    const { fields, fileName, stored } = received;
    const contentType = await detectContentType(stored.sample);
    const actor = actorOf(caller.principal);
    const links = {
      taskId: fields.taskId ?? null,
      requirementId: fields.requirementId ?? null,
      auditId: fields.auditId ?? null,
    };
    const outcome = await this.prisma.$transaction(async (tx): Promise<UploadOutcome> => {
      const blobCreated = await tx.evidenceBlob.createMany({
        data: [
          {
            organizationId: caller.organizationId,
            sha256: stored.sha256,
            sizeBytes: BigInt(stored.sizeBytes),
            contentType,
            storageKey: stored.storageKey,
          },
        ],
        skipDuplicates: true,
      });
      const storage = blobCreated.count === 1 ? ('stored' as const) : ('reused' as const);
      const existing = await tx.evidence.findFirst({
        where: { organizationId: caller.organizationId, programId, sha256: stored.sha256, ...links },
        include: { blob: { select: { sizeBytes: true, contentType: true } } },
      });
      if (existing) return { evidence: this.view(existing), storage, duplicate: true };
      const row = await tx.evidence.create({
        data: {
          organizationId: caller.organizationId,
          programId,
          sha256: stored.sha256,
          title: fields.title ?? fileName,
          fileName,
          ...links,
          uploadedBy: actor,
        },
        include: { blob: { select: { sizeBytes: true, contentType: true } } },
      });
      await this.audit.recordProgramEvent(
        {
          type: 'evidence.uploaded',
          actor,
          organizationId: caller.organizationId,
          programId,
          payload: {
            evidenceId: row.id,
            title: row.title,
            fileName,
            sha256: stored.sha256,
            sizeBytes: stored.sizeBytes,
            contentType: row.blob.contentType,
            storage,
            ...links,
          },
        },
        tx,
      );
      return { evidence: this.view(row), storage, duplicate: false };
    });
    if (outcome.evidence.taskId && !outcome.duplicate) await this.tellWorkflow(caller, outcome.evidence);
    return outcome;
  }

  /**
   * Evidence for a task also goes to the workflow, through the same attachEvidence action the API exposes
   * (Idempotency-Key per evidence item). The file and its row are already safe; if Temporal cannot be reached
   * now, completing the task still hands the workflow every piece of evidence, so this is logged, not failed.
   */
  private async tellWorkflow(caller: Caller, evidence: EvidenceItemView): Promise<void> {
    try {
      await this.actions.run(
        caller,
        evidence.programId,
        'attachEvidence',
        { taskId: evidence.taskId, evidence: { title: evidence.title, uri: evidence.downloadUrl } },
        `evidence-${evidence.id}`,
      );
    } catch (error) {
      this.logger.warn(
        `evidence ${evidence.id} stored, but attachEvidence did not reach the workflow: ${String(error)}`,
      );
    }
  }

  async list(caller: Caller, programId: string, query: EvidenceListQuery) {
    await this.visibility.assertVisible(caller, programId);
    const after = decodeCursor(query.cursor, [cursorPatterns.instant, cursorPatterns.uuid]);
    const rows = await this.prisma.evidence.findMany({
      where: {
        programId,
        ...(query.taskId ? { taskId: query.taskId } : {}),
        ...(query.requirementId ? { requirementId: query.requirementId } : {}),
        ...(query.auditId ? { auditId: query.auditId } : {}),
        ...(after
          ? {
              OR: [
                { createdAt: { lt: new Date(after[0]!) } },
                { createdAt: new Date(after[0]!), id: { lt: after[1]! } },
              ],
            }
          : {}),
      },
      include: { blob: { select: { sizeBytes: true, contentType: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => this.view(row)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  /** Evidence of one task, oldest first (the task page and the completion's evidence list). */
  async ofTask(taskId: string): Promise<EvidenceItemView[]> {
    const rows = await this.prisma.evidence.findMany({
      where: { taskId },
      include: { blob: { select: { sizeBytes: true, contentType: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => this.view(row));
  }

  /** The row and its stored file, for a caller who may see its program (else the same 404 as no such evidence). */
  async forDownload(caller: Caller, evidenceId: string) {
    const row = await this.prisma.evidence.findFirst({
      where: { id: evidenceId, program: this.visibility.where(caller) },
      include: { blob: true },
    });
    if (!row) throw new NotFoundError('Evidence', evidenceId);
    return {
      fileName: row.fileName,
      sha256: row.sha256,
      sizeBytes: Number(row.blob.sizeBytes),
      contentType: row.blob.contentType,
      open: () => this.store.read(row.blob.storageKey),
    };
  }

  /** The absolute URL a download is reached at through the web app's `/api` (and what the workflow records). */
  downloadUrl(evidenceId: string): string {
    return `${this.config.auth.publicWebUrl}/api/evidence/${evidenceId}/download`;
  }

  view(row: EvidenceRow): EvidenceItemView {
    return {
      id: row.id,
      programId: row.programId,
      title: row.title,
      fileName: row.fileName,
      sha256: row.sha256,
      sizeBytes: Number(row.blob.sizeBytes),
      contentType: row.blob.contentType,
      taskId: row.taskId,
      requirementId: row.requirementId,
      auditId: row.auditId,
      uploadedBy: row.uploadedBy,
      createdAt: row.createdAt.toISOString(),
      downloadUrl: this.downloadUrl(row.id),
    };
  }

  /**
   * What the evidence is linked to must exist in this program before a byte is stored: the task (open, and for
   * a control owner, theirs), a requirement of the program's frameworks.
   */
  private async checkLinks(caller: Caller, programId: string, frameworks: string[], fields: EvidenceFields) {
    if (!fields.taskId && !fields.requirementId && !fields.auditId) {
      throw new InputValidationError([
        { path: 'taskId', message: 'link the evidence to a task, a requirement or an audit' },
      ]);
    }
    if (caller.role === 'control_owner' && !fields.taskId) {
      throw new ForbiddenError('forbidden', 'A control owner attaches evidence to one of their own tasks');
    }
    if (fields.requirementId && !frameworks.includes(fields.requirementId.split(':')[0] ?? '')) {
      throw new InputValidationError([
        {
          path: 'requirementId',
          message: `not a requirement of this program's frameworks (${frameworks.join(', ')})`,
        },
      ]);
    }
    if (!fields.taskId) return;
    const task = await this.prisma.remediationTask.findFirst({
      where: { id: fields.taskId, programId },
      select: { ownerEmail: true, status: true },
    });
    if (!task) throw new InputValidationError([{ path: 'taskId', message: 'no such task in this program' }]);
    const { principal } = caller;
    if (
      caller.role === 'control_owner' &&
      (principal.kind !== 'user' || task.ownerEmail.toLowerCase() !== principal.email.toLowerCase())
    ) {
      throw new ForbiddenError('forbidden', 'A control owner attaches evidence to their own tasks only');
    }
    if (task.status !== 'OPEN') {
      throw new ConflictError(`The task is ${task.status.toLowerCase()}; evidence goes to open tasks only`);
    }
  }
}

function parseFields(raw: Record<string, string>): EvidenceFields {
  const parsed = evidenceFieldsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InputValidationError(
    parsed.error.issues.map((issue) => ({
      path:
        issue.path.length > 0
          ? issue.path.map(String).join('.')
          : ((issue as { keys?: string[] }).keys?.[0] ?? 'body'),
      message: issue.message,
    })),
  );
}

function tooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The file is larger than the evidence limit of ${limit} bytes (${(limit / 1024 ** 2).toFixed(1)} MiB)`,
  );
}
