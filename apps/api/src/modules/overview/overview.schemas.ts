import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

const overviewProgramSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  stage: z.string().nullable(),
  atRisk: z
    .boolean()
    .nullable()
    .describe('From the workflow’s search attribute; null when Temporal did not answer'),
  nextMilestoneAt: z.iso.datetime().nullable(),
});

export const overviewSchema = z.object({
  source: z
    .enum(['search-attributes', 'database'])
    .describe('search-attributes: live from Temporal visibility; database: the last projection (no at-risk)'),
  generatedAt: z.iso.datetime(),
  totals: z.object({ programs: z.number().int(), atRisk: z.number().int() }),
  frameworks: z.array(
    z.object({
      framework: z.string().describe('Catalog framework id; a program with two frameworks is under both'),
      programs: z.array(overviewProgramSchema),
    }),
  ),
});

export type OverviewView = z.infer<typeof overviewSchema>;
export type OverviewProgram = z.infer<typeof overviewProgramSchema>;

export class Overview extends createZodDto(overviewSchema) {}
