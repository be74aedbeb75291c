import { SetMetadata } from '@nestjs/common';

export const CACHED_READ = 'certflow:cached-read';

export interface CachedReadOptions {
  /** Whether this answer may be kept; e.g. not a fallback answer given while Temporal was unreachable. */
  keepIf?: (body: unknown) => boolean;
}

/**
 * Marks a GET route whose answer depends only on the caller, the URL, the organisation's data and today's date,
 * so ReadCacheInterceptor may keep it until the organisation changes (ADR 0020).
 */
export function CachedRead(options: CachedReadOptions = {}) {
  return SetMetadata(CACHED_READ, options);
}
