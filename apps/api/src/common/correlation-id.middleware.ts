import { randomUUID } from 'node:crypto';

import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// A caller's id is echoed into logs and headers, so accept only short, printable tokens.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

export type RequestWithCorrelationId = Request & { correlationId?: string };

/** Honors the caller's `x-correlation-id` (or makes one) so a log line can be matched to a response. */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(req: RequestWithCorrelationId, res: Response, next: NextFunction): void {
    const incoming = req.header(CORRELATION_ID_HEADER);
    const correlationId = incoming && acceptable.test(incoming) ? incoming : randomUUID();
    req.correlationId = correlationId;
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    next();
  }
}
