import {
  type CallHandler,
  StreamableFile,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@certflow/contracts/access';
import type { Response } from 'express';
import { finalize, from, map, mergeMap, type Observable, of } from 'rxjs';

import type { AuthenticatedRequest, Caller } from '../access/principal.js';
import { ROUTE_POLICY, type RoutePolicy } from '../access/route-policy.js';
import { CLOCK, type Clock, utcDay } from '../common/clock.js';
import { CACHED_READ, type CachedReadOptions } from './cached-read.decorator.js';
import { ChangeFeed } from './change-feed.js';
import { type CachedAnswer, ReadCache } from './read-cache.js';

/** Changes through these permissions alter who may do what, so this process's access caches are dropped. */
const accessPermissions = new Set<Permission>([
  'organization.manage',
  'members.manage',
  'invitations.manage',
  'sso.manage',
  'grants.manage',
]);

export const CACHE_STATUS_HEADER = 'X-Read-Cache';

/**
 * Serves `@CachedRead()` routes from ReadCache and keeps their fresh answers; after any other request that may
 * have changed something, tells the change feed at once, so this process never serves its own writes stale
 * while the database's notification is on its way (ADR 0020).
 */
@Injectable()
export class ReadCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly cache: ReadCache,
    private readonly changes: ChangeFeed,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return next.handle().pipe(finalize(() => this.changed(context, req)));
    }
    const options = this.reflector.get<CachedReadOptions | undefined>(CACHED_READ, context.getHandler());
    if (!options || !req.caller || !this.cache.enabled) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const key = this.keyOf(req.caller, req.originalUrl);
    const cached = this.cache.get(key);
    if (cached) return of(this.send(req, res, 'hit', cached));
    const pending = this.cache.pendingAnswer(key);
    const compute = () => this.compute(next, req.caller!.organizationId, key, options, req, res);
    if (!pending) return compute();
    return from(pending).pipe(
      mergeMap((answer) => (answer ? of(this.send(req, res, 'shared', answer)) : compute())),
    );
  }

  private compute(
    next: CallHandler,
    organizationId: string,
    key: string,
    options: CachedReadOptions,
    req: AuthenticatedRequest,
    res: Response,
  ): Observable<unknown> {
    const mark = this.changes.mark();
    const settle = this.cache.begin(key, organizationId, mark);
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === undefined || res.statusCode !== 200 || (options.keepIf && !options.keepIf(body))) {
          settle(undefined);
          return body;
        }
        const answer = this.cache.set(key, organizationId, mark, JSON.stringify(body));
        settle(answer);
        return this.send(req, res, 'miss', answer);
      }),
      // An error, or a client gone before the answer: whoever waited computes it themselves.
      finalize(() => settle(undefined)),
    );
  }

  /** The answer depends on who asks (identity and role), where, for which day, and what they asked. */
  private keyOf(caller: Caller, url: string): string {
    const { principal } = caller;
    const who = principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
    return [who, caller.role, caller.organizationId, utcDay(this.clock.now()), url].join('\n');
  }

  /** The answer as Nest should reply it: compressed as the client accepts (Brotli, else gzip), else the text. */
  private send(
    req: AuthenticatedRequest,
    res: Response,
    status: 'hit' | 'shared' | 'miss',
    answer: CachedAnswer,
  ): string | StreamableFile {
    res.type('application/json');
    res.setHeader('ETag', answer.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    // A person's own data: no shared cache may keep it, and a browser must ask again (a 304 when unchanged).
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader(CACHE_STATUS_HEADER, status);
    // Express answers a matching If-None-Match with 304 itself when it is given the text.
    if (req.header('if-none-match') === answer.etag) return answer.body;
    const accepted = req.header('accept-encoding') ?? '';
    const [encoding, bytes] =
      answer.brotli && /\bbr\b/.test(accepted)
        ? ['br', answer.brotli]
        : answer.gzipped && /\bgzip\b/.test(accepted)
          ? ['gzip', answer.gzipped]
          : [undefined, undefined];
    if (encoding && bytes) {
      res.setHeader('Content-Encoding', encoding);
      return new StreamableFile(bytes, { type: 'application/json; charset=utf-8' });
    }
    return answer.body;
  }

  private changed(context: ExecutionContext, req: AuthenticatedRequest): void {
    if (req.caller) this.changes.organizationChanged(req.caller.organizationId);
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind !== 'organization' || accessPermissions.has(policy.permission)) {
      this.changes.accessChanged();
    }
  }
}
