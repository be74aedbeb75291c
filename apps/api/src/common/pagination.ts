import { z } from 'zod';

import { InputValidationError } from './domain-errors.js';

/**
 * Cursor pagination for every list: `?limit=&cursor=` in, `{ items, nextCursor }` out. The cursor is opaque
 * (base64url of the last item's sort key and id), so clients never build one and the sort stays stable under
 * inserts.
 */

export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200, default 50)'),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });
}

/** The sort key of the last item of a page: a value (a date, a timestamp, null) and the row's id. */
export type CursorKey = [string | null, string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      (typeof key[0] === 'string' || key[0] === null) &&
      typeof key[1] === 'string'
    ) {
      return [key[0], key[1]];
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw new InputValidationError([{ path: 'cursor', message: 'is not a cursor this API returned' }]);
}

/** Takes one row more than the limit to know whether another page follows. */
export function toPage<R, I>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
  map: (row: R) => I,
): { items: I[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
