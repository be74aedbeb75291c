import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import { InputValidationError } from '../../common/domain-errors.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const acceptable = /^[\x21-\x7e]{1,255}$/;

/** The optional `Idempotency-Key` header; present but malformed is a 400 naming the header. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<Request>().header(IDEMPOTENCY_KEY_HEADER);
    if (value === undefined) return undefined;
    if (!acceptable.test(value)) {
      throw new InputValidationError([
        {
          path: IDEMPOTENCY_KEY_HEADER,
          message: 'must be 1 to 255 printable ASCII characters without spaces',
        },
      ]);
    }
    return value;
  },
);
