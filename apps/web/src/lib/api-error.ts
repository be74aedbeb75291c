import { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

const errorBodySchema = z.object({
  message: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  correlationId: z.string().optional(),
  code: z.string().optional(),
});

/** Every failed API call surfaces as this, so components handle one shape whatever went wrong. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the API could not be reached at all. */
    readonly status: number,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    readonly correlationId?: string,
    /** The API's reason for a 401/403, e.g. `session_expired`, `sso_required`, `invalid_credentials`. */
    readonly code?: string,
    /** The response body as sent (a refused action adds its rule, field and override). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(status, `The API answered ${status}`);
  const { message, errors = [], correlationId, code } = parsed.data;
  const withReference = correlationId ? `${message} (reference ${correlationId})` : message;
  return new ApiError(status, withReference, errors, correlationId, code, body);
}

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns the client's `{ data, error }` result into data or a thrown ApiError, which TanStack Query expects. */
export async function unwrap<T>(request: Promise<ClientResult<T>>): Promise<T> {
  let result: ClientResult<T>;
  try {
    result = await request;
  } catch {
    // fetch rejects only when no response came back; its TypeError says nothing useful to a reader.
    throw new ApiError(0, 'Cannot reach the Certflow API. Check that it is running.');
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}
