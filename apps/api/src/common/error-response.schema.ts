import { z } from 'zod';

import { createZodDto } from './zod-dto.js';

export const errorResponseSchema = z.object({
  message: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Present on 400: one entry per invalid field'),
  correlationId: z.string().optional().describe('Present on 500: quote it when reporting the problem'),
});

// DTO class names become the OpenAPI component names (and so the generated client's type names).
export class ErrorResponse extends createZodDto(errorResponseSchema) {}
