import { milestoneCategories, milestoneRisks } from '@certflow/contracts/domain';
import { z } from 'zod';

import { createZodDto } from '../../common/zod-dto.js';

const day = z.string().describe('YYYY-MM-DD');
const program = z.object({ id: z.uuid(), name: z.string() });

const dashboardMilestone = z.object({
  program,
  cycle: z.int(),
  kind: z.string(),
  category: z.enum(milestoneCategories),
  plannedOn: day.nullable().describe('Scheduled, else due, else the deadline'),
  deadline: day.nullable(),
  scheduled: day.nullable(),
});

export const dashboardSchema = z.object({
  today: day,
  readiness: z.array(
    z.object({
      framework: z.string(),
      programs: z.int().describe('Programs under this framework'),
      requirements: z.int().describe('Assessable requirements in scope (SOC 2: the security criteria)'),
      implemented: z.int(),
      partial: z.int(),
      notApplicable: z.int(),
      readinessPercent: z
        .int()
        .nullable()
        .describe('Implemented ÷ applicable, rounded down; null when nothing applies'),
      openTasks: z.int(),
      openMajorFindings: z.int(),
      openMinorFindings: z.int(),
    }),
  ),
  atRisk: z.array(dashboardMilestone.extend({ risk: z.enum(milestoneRisks) })),
  next90Days: z.array(dashboardMilestone).describe('Not yet held, planned from today through 90 days on'),
});
export type DashboardView = z.infer<typeof dashboardSchema>;

export class Dashboard extends createZodDto(dashboardSchema) {}
