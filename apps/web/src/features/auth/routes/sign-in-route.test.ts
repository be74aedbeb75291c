import { describe, expect, it } from 'vitest';

import { ApiError } from '@/lib/api-error';
import { signedOutReason } from '@/lib/session-events';

import { safeNext } from './sign-in-route';

describe('after signing in', () => {
  it('returns only to paths inside the app', () => {
    expect(safeNext('/organizations/acme/my-tasks')).toBe('/organizations/acme/my-tasks');
    expect(safeNext('//evil.example/phish')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('signedOutReason', () => {
  it('tells an ended session from no session, and ignores other failures', () => {
    expect(signedOutReason(new ApiError(401, 'ended', [], undefined, 'session_expired'))).toBe(
      'session_expired',
    );
    expect(signedOutReason(new ApiError(401, 'no', [], undefined, 'unauthenticated'))).toBe(
      'unauthenticated',
    );
    expect(
      signedOutReason(new ApiError(401, 'wrong password', [], undefined, 'invalid_credentials')),
    ).toBeUndefined();
    expect(signedOutReason(new ApiError(403, 'forbidden', [], undefined, 'forbidden'))).toBeUndefined();
  });
});
