/**
 * Errors services throw for outcomes a client can act on. The global filter maps each to its status, so
 * services never import HTTP types.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/** The request is well formed but the program's rules refuse it now; the message is the workflow's own. */
export class RuleViolationError extends DomainError {
  readonly status = 422;
}

/** The body is larger than a configured limit; the message names the limit. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

/**
 * A workflow refused an action: 409 when the program is not where the action applies (stage, already done, ended),
 * 422 when a rule refused it. Carries the rule's name, the field it concerns and the override that would allow it.
 */
export class ActionRejectedError extends DomainError {
  readonly status: 409 | 422;
  constructor(
    kind: 'conflict' | 'rule',
    message: string,
    readonly rule: string,
    readonly field?: string,
    readonly override?: string,
  ) {
    super(message);
    this.status = kind === 'conflict' ? 409 : 422;
  }
}

/** An answer stored for an Idempotency-Key, replayed exactly as it was first given. */
export class ReplayedResponseError extends DomainError {
  constructor(
    readonly status: number,
    readonly body: object,
  ) {
    super('replayed response');
  }
}

export interface FieldError {
  /** Dotted path of the offending input, e.g. `frameworks.0` or `Idempotency-Key`. */
  path: string;
  message: string;
}

/** Invalid input that a zod schema could not catch by itself (headers, cross-field rules checked later). */
export class InputValidationError extends DomainError {
  readonly status = 400;
  constructor(readonly errors: FieldError[]) {
    super('Validation failed');
  }
}

/** No valid credentials. `code` tells the web app whether a session existed and ended. */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(
    readonly code: 'unauthenticated' | 'session_expired' | 'invalid_credentials' | 'invalid_token',
    message: string,
  ) {
    super(message);
  }
}

/** Authenticated, but this caller may not do this in an organisation it belongs to. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(
    readonly code: 'forbidden' | 'sso_required' | 'csrf' | 'people_only',
    message: string,
  ) {
    super(message);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
