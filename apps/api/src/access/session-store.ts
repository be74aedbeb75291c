import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';
import type { Request, Response } from 'express';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { hashSecret, newSecret } from '../common/secret-token.js';
import { PRISMA } from '../database/database.module.js';
import { clearCookie, readCookie, setCookie } from './cookies.js';
import type { UserPrincipal } from './principal.js';

export type SessionMethod = 'password' | 'oidc' | 'invitation';

export interface OpenSession {
  userId: string;
  method: SessionMethod;
  ssoOrganizationId?: string | null;
}

// Sessions are touched at most this often, so reading a page does not write a row per request.
const MAX_TOUCH_INTERVAL_MS = 60_000;

/**
 * Server-side sessions in PostgreSQL, so any API replica serves any session. The browser holds a random token;
 * the table holds its SHA-256. A session ends when unused for the idle lifetime, at its absolute end, at sign-out,
 * or when its user signs out everywhere.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get cookieName(): string {
    return this.config.auth.cookieName;
  }

  /** The session token the request carries, if any. */
  tokenOf(req: Request): string | undefined {
    return readCookie(req, this.cookieName);
  }

  /**
   * Opens a new session and sets its cookie. Whatever session the request came with is ended first, so a
   * session id planted before sign-in is never promoted (rotation on sign-in).
   */
  async open(req: Request, res: Response, session: OpenSession): Promise<{ id: string; expiresAt: Date }> {
    const previous = this.tokenOf(req);
    if (previous) await this.prisma.session.deleteMany({ where: { tokenHash: hashSecret(previous) } });
    const now = this.clock.now();
    const token = newSecret();
    const row = await this.prisma.session.create({
      data: {
        tokenHash: hashSecret(token),
        userId: session.userId,
        method: session.method,
        ssoOrganizationId: session.ssoOrganizationId ?? null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.auth.absoluteMs),
        ip: req.ip ?? null,
        userAgent: req.header('user-agent')?.slice(0, 300) ?? null,
      },
    });
    // Housekeeping on a path that is rare (sign-in), so ended sessions do not pile up: everyone's past their
    // absolute end (indexed), and this person's idle ones.
    await this.prisma.session.deleteMany({
      where: {
        OR: [
          { expiresAt: { lte: now } },
          {
            userId: session.userId,
            lastSeenAt: { lte: new Date(now.getTime() - this.config.auth.idleMs) },
          },
        ],
      },
    });
    setCookie(req, res, this.cookieName, token, this.config.auth.absoluteMs);
    return { id: row.id, expiresAt: row.expiresAt };
  }

  /** The live session a token names, touched; null (and the row removed) when it has ended. */
  async resolve(token: string): Promise<UserPrincipal | null> {
    const row = await this.prisma.session.findUnique({
      where: { tokenHash: hashSecret(token) },
      include: { user: { select: { email: true, name: true } } },
    });
    if (!row) return null;
    const now = this.clock.now();
    const idleEnd = row.lastSeenAt.getTime() + this.config.auth.idleMs;
    if (now >= row.expiresAt || now.getTime() >= idleEnd) {
      await this.prisma.session.deleteMany({ where: { id: row.id } });
      return null;
    }
    const touchInterval = Math.min(MAX_TOUCH_INTERVAL_MS, this.config.auth.idleMs / 4);
    if (now.getTime() - row.lastSeenAt.getTime() >= touchInterval) {
      await this.prisma.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
    }
    return {
      kind: 'user',
      userId: row.userId,
      email: row.user.email,
      name: row.user.name,
      sessionId: row.id,
      method: row.method,
      ssoOrganizationId: row.ssoOrganizationId,
      expiresAt: row.expiresAt,
    };
  }

  async end(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
  }

  /** Ends every session of a user (sign out everywhere); returns how many there were. */
  async endAll(userId: string): Promise<number> {
    return (await this.prisma.session.deleteMany({ where: { userId } })).count;
  }

  clearCookie(req: Request, res: Response): void {
    clearCookie(req, res, this.cookieName);
  }
}
