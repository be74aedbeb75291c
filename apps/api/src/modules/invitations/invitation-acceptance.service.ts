import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@certflow/contracts/access';
import type { Prisma, PrismaClient } from '@certflow/db';
import type { Request, Response } from 'express';

import { SessionStore } from '../../access/session-store.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { InputValidationError } from '../../common/domain-errors.js';
import { hashSecret } from '../../common/secret-token.js';
import { PRISMA } from '../../database/database.module.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { MeView } from '../auth/auth.schemas.js';
import { MeService } from '../auth/me.service.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { SignInThrottle } from '../auth/sign-in-throttle.js';
import { clientAddress } from '../auth/sign-in.service.js';
import { invitationStatus } from './invitations.service.js';
import type { InvitationPreviewView } from './invitations.schemas.js';

const tokenProblem = (message: string) => new InputValidationError([{ path: 'token', message }]);

/**
 * What the person holding an invitation link may do: see what it is for, and accept it with a password (a new
 * account's, or the existing account's, which an invitation never resets).
 */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionStore,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditTrail,
    private readonly me: MeService,
  ) {}

  async inspect(token: string): Promise<InvitationPreviewView> {
    const invitation = await this.usable(token);
    const account = await this.prisma.user.findUnique({ where: { email: invitation.email } });
    return {
      organization: { name: invitation.organization.name },
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: Boolean(account?.passwordHash),
    };
  }

  async accept(
    req: Request,
    res: Response,
    input: { token: string; password: string; name?: string | undefined },
  ): Promise<MeView> {
    const invitation = await this.usable(input.token);
    const { email } = invitation;
    let user = await this.prisma.user.findUnique({ where: { email } });
    if (user?.passwordHash) {
      // Proving the existing password is a sign-in, so it counts against the same limits.
      await this.throttle.attempt(email, clientAddress(req));
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        throw new InputValidationError([
          { path: 'password', message: 'enter the password of your existing Certflow account' },
        ]);
      }
      await this.throttle.succeeded(email, clientAddress(req));
    }
    const prepared = user
      ? null
      : await this.accounts.prepare({ email, name: input.name, password: input.password });
    // An account without a password (single sign-on only) gets the one chosen here: the link proved the email.
    const passwordHash = user && !user.passwordHash ? await hashPassword(input.password) : undefined;
    user = await this.join(invitation, { create: prepared, passwordHash }, 'password');

    const session = await this.sessions.open(req, res, { userId: user.id, method: 'invitation' });
    const memberships = await this.prisma.membership.findMany({
      where: { userId: user.id },
      select: { organizationId: true },
    });
    await this.audit.record({
      type: 'auth.signed-in',
      actor: email,
      organizationIds: memberships.map((m) => m.organizationId),
      payload: { method: 'invitation', sessionId: session.id, ip: clientAddress(req) },
    });
    return this.me.describe({
      kind: 'user',
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: session.id,
      method: 'invitation',
      ssoOrganizationId: null,
      expiresAt: session.expiresAt,
    });
  }

  /**
   * Single sign-on for someone invited but not yet a member: a pending invitation for the provider-verified
   * email joins them (creating a password-less account if needed). Returns the user, or null without one.
   */
  async joinThroughSso(organizationId: string, email: string, name: string | null) {
    const invitation = await this.prisma.invitation.findFirst({
      where: {
        organizationId,
        email,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: this.clock.now() },
      },
      orderBy: { createdAt: 'desc' },
    });
    if (!invitation) return null;
    const existing = await this.prisma.user.findUnique({ where: { email } });
    const create = existing ? null : await this.accounts.prepare({ email, name });
    return this.join(invitation, { create }, 'sso');
  }

  /** Claims the invitation (once), creates or updates the account, adds the membership, audits it. */
  private async join(
    invitation: { id: string; email: string; organizationId: string; role: Role },
    account: { create: Prisma.UserCreateInput | null; passwordHash?: string | undefined },
    via: 'password' | 'sso',
  ) {
    const { email, organizationId } = invitation;
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: this.clock.now() },
      });
      if (claimed.count === 0) throw tokenProblem('this invitation has already been used');
      const user = account.create
        ? await this.accounts.createUser(account.create, tx)
        : await tx.user.update({
            where: { email },
            data: account.passwordHash ? { passwordHash: account.passwordHash } : {},
          });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedByUserId: user.id } });
      const existing = await tx.membership.findUnique({
        where: { organizationId_userId: { organizationId, userId: user.id } },
      });
      if (!existing) await this.accounts.addMembership(organizationId, user.id, invitation.role, tx);
      await this.audit.record(
        {
          type: 'invitation.accepted',
          actor: email,
          organizationIds: [organizationId],
          payload: {
            invitationId: invitation.id,
            role: invitation.role,
            newAccount: Boolean(account.create),
            via,
          },
        },
        tx,
      );
      if (!existing) {
        await this.audit.record(
          {
            type: 'member.joined',
            actor: email,
            organizationIds: [organizationId],
            payload: { userId: user.id, role: invitation.role, via: 'invitation' },
          },
          tx,
        );
      }
      return user;
    });
  }

  /** The invitation a token names, if it can still be accepted; otherwise a 400 naming `token`. */
  private async usable(token: string) {
    const invitation = await this.prisma.invitation.findUnique({
      where: { tokenHash: hashSecret(token) },
      include: { organization: { select: { name: true } } },
    });
    if (!invitation) throw tokenProblem('this invitation link is not valid; ask for a new one');
    switch (invitationStatus(invitation, this.clock.now())) {
      case 'pending':
        return invitation;
      case 'expired':
        throw tokenProblem('this invitation has expired; ask for a new one');
      case 'revoked':
        throw tokenProblem('this invitation was withdrawn');
      case 'accepted':
        throw tokenProblem('this invitation has already been used');
    }
  }
}
