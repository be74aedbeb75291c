import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';

import type { RequestWithCorrelationId } from './correlation-id.middleware.js';
import {
  ActionRejectedError,
  DomainError,
  ForbiddenError,
  InputValidationError,
  ReplayedResponseError,
  TooManyRequestsError,
  UnauthenticatedError,
} from './domain-errors.js';
import type { ErrorResponse } from './error-response.schema.js';

/**
 * The only exception filter. Clients see `{ message, errors? }` for their mistakes and
 * `{ message: 'Internal error', correlationId }` for ours; internals go to the log, never to the response.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<RequestWithCorrelationId>();
    const res = http.getResponse<Response>();
    const { status, body } = this.toResponse(exception, req);
    if (res.headersSent) return;
    if (exception instanceof TooManyRequestsError) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    res.status(status).json(body);
  }

  private toResponse(exception: unknown, req: RequestWithCorrelationId): { status: number; body: object } {
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError();
      const errors =
        zodError instanceof ZodError
          ? zodError.issues.map((issue) => ({
              path: issue.path.map(String).join('.'),
              message: issue.message,
            }))
          : [];
      return { status: 400, body: { message: 'Validation failed', errors } satisfies ErrorResponse };
    }
    if (exception instanceof InputValidationError) {
      return {
        status: 400,
        body: { message: exception.message, errors: exception.errors } satisfies ErrorResponse,
      };
    }
    if (exception instanceof ReplayedResponseError) return { status: exception.status, body: exception.body };
    if (exception instanceof ActionRejectedError)
      return { status: exception.status, body: actionRejectionBody(exception) };
    if (exception instanceof UnauthenticatedError || exception instanceof ForbiddenError) {
      return {
        status: exception.status,
        body: { message: exception.message, code: exception.code } satisfies ErrorResponse,
      };
    }
    if (exception instanceof DomainError) {
      return { status: exception.status, body: { message: exception.message } satisfies ErrorResponse };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return {
        status: exception.getStatus(),
        body: { message: httpMessage(exception) } satisfies ErrorResponse,
      };
    }
    if (exception instanceof HttpException && exception.getStatus() === 503) {
      // Terminus reports which dependency is down in the body; that is the point of /health, not a leak.
      const response = exception.getResponse();
      return { status: 503, body: typeof response === 'object' ? response : { message: response } };
    }
    const correlationId = req.correlationId ?? 'unknown';
    this.logger.error(
      `Unhandled error on ${req.method} ${req.originalUrl} [correlationId=${correlationId}]`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return { status: 500, body: { message: 'Internal error', correlationId } satisfies ErrorResponse };
  }
}

/** The 409/422 body of a refused action: the workflow's message, the rule, the field and the override. */
export function actionRejectionBody(error: ActionRejectedError): ErrorResponse {
  return {
    message: error.message,
    code: error.status === 409 ? 'action_conflict' : 'rule_violation',
    rule: error.rule,
    ...(error.field !== undefined && { field: error.field }),
    ...(error.override !== undefined && { override: { rule: error.override, requiresJustification: true } }),
  };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}
