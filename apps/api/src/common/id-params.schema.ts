import { z } from 'zod';

import { createZodDto } from './zod-dto.js';

/** `:id` route parameters; a malformed id is a 400 naming `id`, not a database error. */
export class IdParams extends createZodDto(z.object({ id: z.uuid() })) {}

/** `:organizationId` of the collections under `/organizations/{organizationId}/…`. */
export class OrganizationParams extends createZodDto(z.object({ organizationId: z.uuid() })) {}
