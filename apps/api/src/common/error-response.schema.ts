import { z } from 'zod';

import { createZodDto } from './zod-dto.js';

export const errorResponseSchema = z.object({
  message: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Present on 400: one entry per invalid field'),
  correlationId: z.string().optional().describe('Present on 500: quote it when reporting the problem'),
  code: z
    .enum([
      'unauthenticated',
      'session_expired',
      'invalid_credentials',
      'invalid_token',
      'forbidden',
      'sso_required',
      'csrf',
      'people_only',
      'action_conflict',
      'rule_violation',
    ])
    .optional()
    .describe(
      'Present on 401 and 403: session_expired means a session existed and ended (sign in again); ' +
        'sso_required means this organisation accepts only its single sign-on; csrf means the request came from ' +
        'an untrusted origin. On a refused workflow action: action_conflict (409, the program is not where the ' +
        'action applies) or rule_violation (422, a rule refused it)',
    ),
  rule: z.string().optional().describe('Refused action: the name of the rule, e.g. stage1-prerequisites'),
  field: z.string().optional().describe('Refused action: the field of the body the rule is about'),
  override: z
    .object({ rule: z.string(), requiresJustification: z.literal(true) })
    .optional()
    .describe('Refused action: record this override (overrideRule, with a justification) to allow it'),
});

// DTO class names become the OpenAPI component names (and so the generated client's type names).
export class ErrorResponse extends createZodDto(errorResponseSchema) {}
