import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';
import type { Request, Response } from 'express';

import { actorOf, type UserPrincipal } from '../../access/principal.js';
import { SessionStore } from '../../access/session-store.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { UnauthenticatedError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import type { MeView } from './auth.schemas.js';
import { MeService } from './me.service.js';
import { verifyPassword } from './passwords.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** The same words whether the email is unknown, the password wrong or the account has no password. */
export const INVALID_CREDENTIALS = 'Email or password is incorrect';

export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function requestFacts(req: Request) {
  return { ip: clientAddress(req), userAgent: req.header('user-agent')?.slice(0, 300) ?? null };
}

/** Password sign-in, sign-out and sign-out everywhere, each recorded in the audit trail. */
@Injectable()
export class SignInService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly sessions: SessionStore,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditTrail,
    private readonly me: MeService,
  ) {}

  async signIn(req: Request, res: Response, email: string, password: string): Promise<MeView> {
    const address = clientAddress(req);
    await this.throttle.attempt(email, address);
    const user = await this.prisma.user.findUnique({
      where: { email },
      include: { memberships: { select: { organizationId: true } } },
    });
    const verified = await verifyPassword(user?.passwordHash, password);
    if (!user || !verified) {
      await this.audit.record({
        type: 'auth.sign-in-failed',
        actor: user ? user.email : null,
        // An unknown email concerns no organisation; an existing account's admins see the failure.
        organizationIds: user ? user.memberships.map((m) => m.organizationId) : [],
        payload: { ...requestFacts(req), ...(user ? { reason: 'wrong-password' } : { email }) },
      });
      throw new UnauthenticatedError('invalid_credentials', INVALID_CREDENTIALS);
    }
    await this.throttle.succeeded(email, address);
    const session = await this.sessions.open(req, res, { userId: user.id, method: 'password' });
    await this.audit.record({
      type: 'auth.signed-in',
      actor: user.email,
      organizationIds: user.memberships.map((m) => m.organizationId),
      payload: { method: 'password', sessionId: session.id, ...requestFacts(req) },
    });
    return this.me.describe({
      kind: 'user',
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: session.id,
      method: 'password',
      ssoOrganizationId: null,
      expiresAt: session.expiresAt,
    });
  }

  async signOut(req: Request, res: Response, principal: UserPrincipal): Promise<void> {
    await this.sessions.end(principal.sessionId);
    this.sessions.clearCookie(req, res);
    await this.audit.record({
      type: 'auth.signed-out',
      actor: actorOf(principal),
      organizationIds: await this.organizationsOf(principal.userId),
      payload: { sessionId: principal.sessionId, ...requestFacts(req) },
    });
  }

  async signOutEverywhere(req: Request, res: Response, principal: UserPrincipal): Promise<void> {
    const ended = await this.sessions.endAll(principal.userId);
    this.sessions.clearCookie(req, res);
    await this.audit.record({
      type: 'auth.signed-out-everywhere',
      actor: actorOf(principal),
      organizationIds: await this.organizationsOf(principal.userId),
      payload: { sessionsEnded: ended, ...requestFacts(req) },
    });
  }

  private async organizationsOf(userId: string): Promise<string[]> {
    const rows = await this.prisma.membership.findMany({
      where: { userId },
      select: { organizationId: true },
    });
    return rows.map((row) => row.organizationId);
  }
}
