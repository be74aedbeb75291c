import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { ConflictError, NotFoundError } from './domain-errors.js';

function run(exception: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const req = { method: 'GET', originalUrl: '/programs', correlationId: 'corr-123' };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('maps domain errors to their status with only a message', () => {
    expect(run(new NotFoundError('Program', 'p1'))).toEqual({
      status: 404,
      body: { message: 'Program p1 not found' },
    });
    expect(run(new ConflictError('taken'))).toEqual({ status: 409, body: { message: 'taken' } });
  });

  it('keeps client errors raised by Nest itself (e.g. malformed JSON) as 4xx', () => {
    expect(run(new BadRequestException('Unexpected token'))).toEqual({
      status: 400,
      body: { message: 'Unexpected token' },
    });
  });

  it('hides unexpected errors behind the correlation id and logs them with it', () => {
    const log = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sent = run(new Error('connection string postgres://secret@db leaked'));
    expect(sent).toEqual({ status: 500, body: { message: 'Internal error', correlationId: 'corr-123' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('corr-123'), expect.stringContaining('leaked'));
  });
});
