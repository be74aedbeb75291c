import { describe, expect, it } from 'vitest';

import { ApiError, toApiError, unwrap } from './api-error';

describe('toApiError', () => {
  it('reads the API error body and quotes the correlation id of a 500', () => {
    const error = toApiError(500, { message: 'Internal error', correlationId: 'abc-123' });
    expect(error.message).toBe('Internal error (reference abc-123)');
    expect(error.isClientError).toBe(false);
  });

  it('copes with a body that is not the API’s (e.g. a proxy error page)', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect(error.message).toBe('The API answered 502');
    expect(error.issues).toEqual([]);
  });
});

describe('unwrap', () => {
  it('returns data of a successful response and throws ApiError for a failed one', async () => {
    await expect(
      unwrap(Promise.resolve({ data: [1], response: new Response(null, { status: 200 }) })),
    ).resolves.toEqual([1]);
    const failed = unwrap(
      Promise.resolve({
        error: { message: 'Validation failed', errors: [{ path: 'name', message: 'Required' }] },
        response: new Response(null, { status: 400 }),
      }),
    );
    await expect(failed).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'name', message: 'Required' }],
    });
  });

  it('reports an unreachable API as status 0', async () => {
    const error: unknown = await unwrap(Promise.reject(new TypeError('Failed to fetch'))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
  });
});
