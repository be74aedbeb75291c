import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `:id` route parameters; a malformed id is a 400 naming `id`, not a database error. */
export class IdParams extends createZodDto(z.object({ id: z.uuid() })) {}
