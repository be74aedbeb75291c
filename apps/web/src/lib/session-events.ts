import { useEffect } from 'react';

import { ApiError } from './api-error';

const EVENT = 'certflow:signed-out';

export type SignedOutReason = 'session_expired' | 'unauthenticated';

/** Whether an error means the browser has no (more) session, and why. */
export function signedOutReason(error: unknown): SignedOutReason | undefined {
  if (!(error instanceof ApiError) || error.status !== 401) return undefined;
  if (error.code === 'session_expired') return 'session_expired';
  if (error.code === 'unauthenticated') return 'unauthenticated';
  return undefined;
}

/** Any request that finds the session gone announces it; the signed-in layout takes the person away. */
export function announceSignedOut(reason: SignedOutReason): void {
  window.dispatchEvent(new CustomEvent<SignedOutReason>(EVENT, { detail: reason }));
}

export function useSignedOutListener(onSignedOut: (reason: SignedOutReason) => void): void {
  useEffect(() => {
    const listener = (event: Event) => onSignedOut((event as CustomEvent<SignedOutReason>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [onSignedOut]);
}
