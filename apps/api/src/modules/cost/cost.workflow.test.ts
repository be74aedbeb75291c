import { addDays, addMonths, addYears, calendarDateOf } from '@certflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@certflow/testkit';

import {
  createOrganizationWithAdmin,
  isoProgramBody,
  memberSession,
  programsPath,
  type Session,
} from '../../../test/fixtures.js';
import { type RunningStack, startRunningStack } from '../../../test/support/running-stack.js';
import type { Program } from '../programs/programs.schemas.js';
import type { CostSummaryView } from './cost.schemas.js';

// The forecast comes from the workflow's own audit plan: a program holding a certificate, with its persons in
// scope and the certification body's day rate, projects its remaining audits' planned cost into the read model.
describe('the cost forecast from a real program’s planned audits (real worker, real Temporal)', () => {
  let stack: RunningStack;
  let organizationId: string;
  let pm: Session;
  let executive: Session;
  const today = calendarDateOf(Date.now());

  beforeAll(async () => {
    stack = await startRunningStack();
    const world = await createOrganizationWithAdmin(stack.app);
    organizationId = world.organization.id;
    ({ session: pm } = await memberSession(stack.app, organizationId, 'program_manager', 'pm'));
    ({ session: executive } = await memberSession(stack.app, organizationId, 'executive', 'exec'));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('forecasts the current cycle’s surveillance and recertification audits at days × day rate', async () => {
    const decisionDate = addMonths(today, -3);
    const program = (
      await pm
        .post(programsPath(organizationId))
        .send(
          isoProgramBody({
            name: 'ISMS with a certificate',
            frameworks: ['iso27001'],
            startDate: today,
            config: { certificationBody: 'Example CB' },
            existingCertificate: {
              certificateNumber: 'ISMS-COST-1',
              decisionDate,
              expiryDate: addDays(addYears(decisionDate, 3), -1),
            },
            // ISO/IEC 27006-1 Table C.1: 46–65 persons → 10 initial days; surveillance 3.5 d, recertification 7 d.
            settings: { personsInScope: 50, terms: { currency: 'EUR', dayRate: 1000 } },
          }),
        )
        .expect(201)
    ).body as Program;
    const planned = await eventually(
      () => `the read model to carry the planned audits of ${program.id}\n${stack.workerOutput()}`,
      async () => {
        const rows = await stack.db.prisma.programMilestone.findMany({
          where: { programId: program.id, category: 'audit', plannedCost: { not: null } },
        });
        const row = await stack.db.prisma.program.findUnique({ where: { id: program.id } });
        return rows.length >= 3 && row?.cycle !== null ? rows : undefined;
      },
    );
    expect(
      Object.fromEntries(planned.map((m) => [m.kind, [Number(m.plannedDays), Number(m.plannedCost)]])),
    ).toMatchObject({ surveillance1: [3.5, 3500], surveillance2: [3.5, 3500], recertification: [7, 7000] });

    const summary = (
      await executive
        .get(`/organizations/${organizationId}/cost/summary`)
        .query({ programId: program.id })
        .expect(200)
    ).body as CostSummaryView;
    expect(summary.currencies).toHaveLength(1);
    // The second surveillance has no date until the first is held: in the totals, in no month.
    expect(summary.currencies[0]!.totals).toMatchObject({
      actual: 0,
      forecast: 14_000,
      forecastUndated: 3500,
      projected: 14_000,
    });
    const s1 = planned.find((m) => m.kind === 'surveillance1')!;
    const month = calendarDateOf(s1.plannedOn!.getTime()).slice(0, 7);
    expect(summary.currencies[0]!.months.find((m) => m.month === month)?.forecast).toBeGreaterThanOrEqual(
      3500,
    );
  });
});
