import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Role } from '@certflow/contracts/access';
import type { PrismaClient } from '@certflow/db';

import { actorOf, type Caller } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { ConflictError } from '../../common/domain-errors.js';
import { hashSecret, newSecret } from '../../common/secret-token.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { Mailer } from '../../mail/mail.module.js';
import { invitationLink, invitationMail } from './invitation-mail.js';
import type { InvitationView } from './invitations.schemas.js';

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function invitationStatus(row: InvitationRow, now: Date): InvitationView['status'] {
  if (row.revokedAt) return 'revoked';
  if (row.acceptedAt) return 'accepted';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** Admins invite people by email with a role; the mail carries a one-time link that expires. */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly mailer: Mailer,
  ) {}

  async list(caller: Caller): Promise<InvitationView[]> {
    const rows = await this.prisma.invitation.findMany({
      where: { organizationId: caller.organizationId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map((row) => this.view(row));
  }

  async create(caller: Caller, email: string, role: Role): Promise<InvitationView> {
    const { organizationId } = caller;
    const member = await this.prisma.membership.count({ where: { organizationId, user: { email } } });
    if (member > 0) throw new ConflictError(`${email} is already a member of this organisation`);
    const now = this.clock.now();
    const pending = await this.prisma.invitation.count({
      where: { organizationId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    });
    if (pending > 0) {
      throw new ConflictError(`An invitation for ${email} is still pending: resend or revoke it`);
    }
    const token = newSecret();
    const row = await this.prisma.$transaction(async (tx) => {
      const invitation = await tx.invitation.create({
        data: {
          organizationId,
          email,
          role,
          tokenHash: hashSecret(token),
          invitedByUserId: caller.principal.kind === 'user' ? caller.principal.userId : null,
          expiresAt: new Date(now.getTime() + this.config.auth.invitationTtlMs),
        },
      });
      await this.audit.record(
        {
          type: 'invitation.created',
          actor: actorOf(caller.principal),
          organizationIds: [organizationId],
          payload: { invitationId: invitation.id, email, role },
        },
        tx,
      );
      return invitation;
    });
    return { ...this.view(row), delivery: await this.deliver(caller, row, token) };
  }

  /** A fresh link and expiry (the old link stops working); the invitation keeps its id. */
  async resend(caller: Caller, id: string): Promise<InvitationView> {
    const now = this.clock.now();
    const current = await this.prisma.invitation.findUniqueOrThrow({ where: { id } });
    if (current.acceptedAt || current.revokedAt) {
      throw new ConflictError(`This invitation was already ${current.acceptedAt ? 'accepted' : 'revoked'}`);
    }
    const token = newSecret();
    const row = await this.prisma.$transaction(async (tx) => {
      const invitation = await tx.invitation.update({
        where: { id },
        data: {
          tokenHash: hashSecret(token),
          expiresAt: new Date(now.getTime() + this.config.auth.invitationTtlMs),
        },
      });
      await this.audit.record(
        {
          type: 'invitation.resent',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
          payload: { invitationId: id, email: invitation.email },
        },
        tx,
      );
      return invitation;
    });
    return { ...this.view(row), delivery: await this.deliver(caller, row, token) };
  }

  async revoke(caller: Caller, id: string): Promise<InvitationView> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.invitation.findUniqueOrThrow({ where: { id } });
      if (current.acceptedAt) throw new ConflictError('This invitation was already accepted');
      if (current.revokedAt) return this.view(current);
      const row = await tx.invitation.update({ where: { id }, data: { revokedAt: this.clock.now() } });
      await this.audit.record(
        {
          type: 'invitation.revoked',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
          payload: { invitationId: id, email: row.email },
        },
        tx,
      );
      return this.view(row);
    });
  }

  private view(row: InvitationRow): InvitationView {
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      status: invitationStatus(row, this.clock.now()),
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    };
  }

  /** A mail server that refuses does not undo the invitation: the admin sees it failed and can resend. */
  private async deliver(caller: Caller, row: InvitationRow, token: string): Promise<'sent' | 'failed'> {
    const organization = await this.prisma.organization.findUniqueOrThrow({
      where: { id: caller.organizationId },
      select: { name: true },
    });
    try {
      await this.mailer.send(
        invitationMail({
          to: row.email,
          organizationName: organization.name,
          invitedBy: actorOf(caller.principal),
          role: row.role,
          link: invitationLink(this.config.auth.publicWebUrl, token),
          expiresAt: row.expiresAt,
        }),
      );
      return 'sent';
    } catch (error) {
      this.logger.warn(
        `Invitation ${row.id} mail was not accepted: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 'failed';
    }
  }
}
