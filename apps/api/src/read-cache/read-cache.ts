import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { BoundedMap } from './bounded-map.js';
import { ChangeFeed } from './change-feed.js';

export interface CachedAnswer {
  /** The serialised JSON body, ready to send. */
  body: string;
  /** The body gzipped when it is large enough to be worth it (browsers all accept gzip). */
  gzipped: Buffer | undefined;
  /** The same in Brotli, about a third smaller again (browsers ask for it over HTTPS). */
  brotli: Buffer | undefined;
  /** A strong validator of the body, so a 304 costs nothing and Express never re-hashes a large body. */
  etag: string;
  organizationId: string;
  /** The change-feed mark taken before the answer was computed. */
  mark: number;
  storedAt: number;
}

interface PendingAnswer {
  organizationId: string;
  mark: number;
  answer: Promise<CachedAnswer | undefined>;
}

// Below this, compressing costs more than sending.
const COMPRESS_FROM_CHARS = 8 * 1024;

/**
 * Answers to heavy reads, kept per caller and URL until the organisation's data changes (ADR 0020), within a
 * memory budget (READ_CACHE_MAX_MB, least recently used first) and a maximum age (READ_CACHE_MAX_AGE_SECONDS)
 * that bounds the harm of any change the triggers do not see. Requests for an answer being computed wait for
 * it rather than compute it again, so a change does not send every open page to the database at once.
 */
@Injectable()
export class ReadCache {
  private readonly answers: BoundedMap<CachedAnswer>;
  private readonly pending = new Map<string, PendingAnswer>();

  constructor(
    private readonly changes: ChangeFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.answers = new BoundedMap(
      config.readCache.maxBytes,
      (answer) => answer.body.length + (answer.gzipped?.length ?? 0) + (answer.brotli?.length ?? 0),
      config.readCache.maxBytes / 4,
    );
  }

  get enabled(): boolean {
    return this.config.readCache.maxBytes > 0;
  }

  get(key: string): CachedAnswer | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    if (this.current(answer)) return answer;
    this.answers.delete(key);
    return undefined;
  }

  /**
   * The answer another request is computing for this key, if it started after every change this process
   * knows of: it is as fresh as a computation started now, even if a change lands while it runs (the caller's
   * request was already waiting then). Undefined inside the promise: there is nothing to share, compute it.
   */
  pendingAnswer(key: string): Promise<CachedAnswer | undefined> | undefined {
    const pending = this.pending.get(key);
    if (!pending || !this.current({ ...pending, storedAt: Date.now() })) return undefined;
    return pending.answer;
  }

  /** Marks `key` as being computed from `mark`; `settle` with the answer, or nothing when it cannot be shared. */
  begin(key: string, organizationId: string, mark: number): (answer: CachedAnswer | undefined) => void {
    let resolve!: (answer: CachedAnswer | undefined) => void;
    const pending = {
      organizationId,
      mark,
      answer: new Promise<CachedAnswer | undefined>((r) => (resolve = r)),
    };
    this.pending.set(key, pending);
    return (answer) => {
      if (this.pending.get(key) === pending) this.pending.delete(key);
      resolve(answer);
    };
  }

  /** Keeps an answer computed after `mark`, unless the organisation changed meanwhile (it would be stale). */
  set(key: string, organizationId: string, mark: number, body: string): CachedAnswer {
    const compress = body.length >= COMPRESS_FROM_CHARS;
    const answer: CachedAnswer = {
      body,
      gzipped: compress ? gzipSync(body) : undefined,
      // Quality 5: most of Brotli's gain for a few milliseconds, paid once per change.
      brotli: compress
        ? brotliCompressSync(body, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : undefined,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      organizationId,
      mark,
      storedAt: Date.now(),
    };
    if (this.current(answer)) this.answers.set(key, answer);
    return answer;
  }

  private current(answer: Pick<CachedAnswer, 'mark' | 'organizationId' | 'storedAt'>): boolean {
    return (
      Date.now() - answer.storedAt < this.config.readCache.maxAgeMs &&
      this.changes.organizationUnchangedSince(answer.organizationId, answer.mark)
    );
  }
}
