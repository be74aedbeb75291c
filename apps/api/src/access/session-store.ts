import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';
import type { Request, Response } from 'express';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { hashSecret, newSecret } from '../common/secret-token.js';
import { PRISMA } from '../database/database.module.js';
import { BoundedMap } from '../read-cache/bounded-map.js';
import { ChangeFeed } from '../read-cache/change-feed.js';
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
const REMEMBERED_SESSIONS = 10_000;

interface RememberedSession {
  principal: UserPrincipal;
  /** When the row was last touched, as far as this process knows. */
  lastSeenAt: number;
  mark: number;
}

/**
 * Server-side sessions in PostgreSQL, so any API replica serves any session. The browser holds a random token;
 * the table holds its SHA-256. A session ends when unused for the idle lifetime, at its absolute end, at sign-out,
 * or when its user signs out everywhere.
 */
@Injectable()
export class SessionStore {
  /**
   * Live sessions this process resolved, by token hash, until the next touch is due or any session, person or
   * role changes (ChangeFeed, ADR 0020): a page's many requests cost one lookup a minute, not one each. Ending
   * a session marks access changed at once, so no remembered session outlives its row here, even before the
   * database's notification arrives.
   */
  private readonly remembered = new BoundedMap<RememberedSession>(REMEMBERED_SESSIONS);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  private get touchInterval(): number {
    return Math.min(MAX_TOUCH_INTERVAL_MS, this.config.auth.idleMs / 4);
  }

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
    const tokenHash = hashSecret(token);
    const now = this.clock.now();
    const known = this.remembered.get(tokenHash);
    if (
      known &&
      this.changes.accessUnchangedSince(known.mark) &&
      now < known.principal.expiresAt &&
      now.getTime() - known.lastSeenAt < this.touchInterval
    ) {
      return known.principal;
    }
    this.remembered.delete(tokenHash);
    const mark = this.changes.mark();
    const found = await this.lookUp(tokenHash, now);
    if (found) this.remembered.set(tokenHash, { ...found, mark });
    return found?.principal ?? null;
  }

  private async lookUp(
    tokenHash: string,
    now: Date,
  ): Promise<{ principal: UserPrincipal; lastSeenAt: number } | null> {
    const row = await this.prisma.session.findUnique({
      where: { tokenHash },
      include: { user: { select: { email: true, name: true } } },
    });
    if (!row) return null;
    const idleEnd = row.lastSeenAt.getTime() + this.config.auth.idleMs;
    if (now >= row.expiresAt || now.getTime() >= idleEnd) {
      await this.prisma.session.deleteMany({ where: { id: row.id } });
      return null;
    }
    let lastSeenAt = row.lastSeenAt.getTime();
    if (now.getTime() - lastSeenAt >= this.touchInterval) {
      await this.prisma.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
      lastSeenAt = now.getTime();
    }
    const principal: UserPrincipal = {
      kind: 'user',
      userId: row.userId,
      email: row.user.email,
      name: row.user.name,
      sessionId: row.id,
      method: row.method,
      ssoOrganizationId: row.ssoOrganizationId,
      expiresAt: row.expiresAt,
    };
    return { principal, lastSeenAt };
  }

  async end(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
    this.changes.accessChanged();
  }

  /** Ends every session of a user (sign out everywhere); returns how many there were. */
  async endAll(userId: string): Promise<number> {
    const ended = (await this.prisma.session.deleteMany({ where: { userId } })).count;
    this.changes.accessChanged();
    return ended;
  }

  clearCookie(req: Request, res: Response): void {
    clearCookie(req, res, this.cookieName);
  }
}
