import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

export const calendarFeedSchema = z.object({
  active: z.boolean(),
  prefix: z.string().nullable().describe('The first characters of the token, to recognise the link'),
  createdAt: z.iso.datetime().nullable(),
  rotatedAt: z.iso.datetime().nullable(),
});
export class CalendarFeedView extends createZodDto(calendarFeedSchema) {}

export const issuedCalendarFeedSchema = calendarFeedSchema.extend({
  url: z.url().describe('The subscription URL; shown once, only its hash is stored'),
});
export class IssuedCalendarFeed extends createZodDto(issuedCalendarFeedSchema) {}

/** `<token>.ics`: anything else is simply not a feed (404). */
export const feedFileParamsSchema = z.object({ file: z.string().max(100) });
export class FeedFileParams extends createZodDto(feedFileParamsSchema) {}
