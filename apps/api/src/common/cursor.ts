import { InputValidationError } from './domain-errors.js';

/**
 * Opaque cursors for keyset pagination (`?limit=&cursor=` → `{ items, nextCursor }`): the sort key of the last
 * item (strings such as an instant or a day and an id), base64url-encoded JSON. A cursor that does not decode
 * to the expected shape is a 400 naming `cursor`, never a database error.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, patterns: readonly RegExp[]): string[] | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === patterns.length &&
    key.every((part, i) => typeof part === 'string' && patterns[i]!.test(part));
  if (!valid)
    throw new InputValidationError([{ path: 'cursor', message: 'is not a cursor this list returned' }]);
  return key as string[];
}

export const cursorPatterns = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  instant: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
} as const;
