import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { TooManyRequestsError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';

interface Bucket {
  attempts: number;
  window_started_at: Date;
}

/**
 * Fixed-window sign-in limits kept in PostgreSQL, so every API replica counts the same attempts. An attempt is
 * counted before the password is checked (one atomic upsert), so parallel guesses cannot slip past the limit.
 * Per account (the email, whether or not it exists, so the limit reveals nothing) every attempt counts, and a
 * success clears it; per client address only failures count (a success gives its attempt back), so one office
 * behind one address is not locked out by its own people signing in.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  static accountKey(email: string): string {
    return `account:${email}`;
  }

  static addressKey(address: string): string {
    return `address:${address}`;
  }

  /** Counts one attempt for the account and the address; throws 429 (with Retry-After) over either limit. */
  async attempt(email: string, address: string): Promise<void> {
    const { maxAttemptsPerAccount, maxAttemptsPerAddress } = this.config.auth;
    const checks = [
      { key: SignInThrottle.accountKey(email), limit: maxAttemptsPerAccount },
      { key: SignInThrottle.addressKey(address), limit: maxAttemptsPerAddress },
    ];
    let retryAfterMs = 0;
    for (const { key, limit } of checks) {
      const bucket = await this.hit(key);
      if (bucket.attempts > limit) {
        const ends = bucket.window_started_at.getTime() + this.config.auth.signInWindowMs;
        retryAfterMs = Math.max(retryAfterMs, ends - this.clock.now().getTime());
      }
    }
    if (retryAfterMs > 0) {
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      throw new TooManyRequestsError(
        `Too many sign-in attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
        seconds,
      );
    }
  }

  /** After a successful sign-in: the account starts afresh and the address gets its attempt back. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.prisma.signInThrottle.deleteMany({ where: { key: SignInThrottle.accountKey(email) } });
    await this.prisma.signInThrottle.updateMany({
      where: { key: SignInThrottle.addressKey(address), attempts: { gt: 0 } },
      data: { attempts: { decrement: 1 } },
    });
  }

  private async hit(key: string): Promise<Bucket> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.config.auth.signInWindowMs);
    const rows = await this.prisma.$queryRaw<Bucket[]>`
      INSERT INTO sign_in_throttles (key, window_started_at, attempts)
      VALUES (${key}, ${now}::timestamptz, 1)
      ON CONFLICT (key) DO UPDATE SET
        attempts = CASE WHEN sign_in_throttles.window_started_at <= ${windowStart}::timestamptz
                        THEN 1 ELSE sign_in_throttles.attempts + 1 END,
        window_started_at = CASE WHEN sign_in_throttles.window_started_at <= ${windowStart}::timestamptz
                                 THEN ${now}::timestamptz ELSE sign_in_throttles.window_started_at END
      RETURNING attempts, window_started_at`;
    const bucket = rows[0];
    if (!bucket) throw new Error(`sign_in_throttles upsert for ${key} returned no row`);
    return bucket;
  }
}
