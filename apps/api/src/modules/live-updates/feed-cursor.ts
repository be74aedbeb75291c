import { InputValidationError } from '../../common/domain-errors.js';

/**
 * A position in the live feed: the inserting transaction and the row's insertion number. Rows are read in this
 * order and only once their transaction is older than every running one, so the order never changes after a
 * row was handed out: a client holding a cursor has seen everything before it.
 */
export interface FeedCursor {
  txId: bigint;
  position: bigint;
}

export const feedStart: FeedCursor = { txId: 0n, position: 0n };

export function formatCursor(cursor: FeedCursor): string {
  return `${cursor.txId}-${cursor.position}`;
}

const pattern = /^(\d{1,19})-(\d{1,19})$/;

/** Parses an event id the stream sent (`Last-Event-ID`); anything else is a 400 naming where it came from. */
export function parseCursor(value: string, path: string): FeedCursor {
  const match = pattern.exec(value.trim());
  if (!match) throw new InputValidationError([{ path, message: 'is not an event id this stream sent' }]);
  return { txId: BigInt(match[1]!), position: BigInt(match[2]!) };
}

export function compareCursors(a: FeedCursor, b: FeedCursor): number {
  if (a.txId !== b.txId) return a.txId < b.txId ? -1 : 1;
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return 0;
}

export function laterCursor(a: FeedCursor, b: FeedCursor): FeedCursor {
  return compareCursors(a, b) >= 0 ? a : b;
}
