import { z } from 'zod';

import { createZodDto } from './zod-dto.js';

/** `:id` route parameters; a malformed id is a 400 naming `id`, not a database error. */
export class IdParams extends createZodDto(z.object({ id: z.uuid() })) {}
