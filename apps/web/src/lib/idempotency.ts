import { useCallback, useState } from 'react';

/**
 * One key per intended creation: retries of the same submission reuse it, so a timeout followed by a second
 * click cannot create two programs; `renew` starts a fresh intention after a success.
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}
