import { hashSecret, newSecret } from '../../src/common/secret-token.js';
import { addMember, createPerson } from '../support/people.js';
import { anyone, members } from './expectations.js';
// Only used when a row is called, after both modules have loaded (routes.ts spreads these rows).
import { type Context, org, type Row, unique } from './routes.js';

// The leadership routes (issue 12): the combined schedule, calendar feeds, the dashboard and cost.

async function budgetLine(ctx: Context) {
  const row = await ctx.prisma.budgetLine.create({
    data: {
      organizationId: ctx.world.organization.id,
      programId: ctx.world.program.id,
      year: 2027,
      kind: 'tooling',
      label: `Matrix ${unique()}`,
      currency: 'EUR',
      amount: 100,
      createdBy: 'matrix@acme.example',
      updatedBy: 'matrix@acme.example',
    },
  });
  return row.id;
}

async function costActual(ctx: Context) {
  const budgetLineId = await budgetLine(ctx);
  const row = await ctx.prisma.costActual.create({
    data: {
      organizationId: ctx.world.organization.id,
      programId: ctx.world.program.id,
      budgetLineId,
      incurredOn: new Date('2027-01-15T00:00:00.000Z'),
      amount: 10,
      currency: 'EUR',
      description: 'Matrix',
      recordedBy: 'matrix@acme.example',
    },
  });
  return row.id;
}

export const leadershipRows: Record<string, Row> = {
  // The combined schedule (issue 12 part A). No worker runs here: the what-if of an unknown item reaches the
  // service's 400 and accepting a suggestion not offered its 409; schedule.workflow.test.ts runs both for real.
  'GET /organizations/{organizationId}/schedule/combined': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/schedule/combined?framework=iso27001&from=2026-01-01` }),
  },
  'POST /organizations/{organizationId}/schedule/what-if': {
    expect: members(['admin', 'program_manager', 'executive'], 400),
    request: (ctx) => ({
      path: `${org(ctx)}/schedule/what-if`,
      body: { itemId: `${ctx.world.program.id}:1:stage9`, date: '2027-01-04' },
    }),
  },
  // Calendar feeds: every member, for their own feed; API tokens are not people (calendar-feeds.workflow.test.ts).
  'GET /organizations/{organizationId}/calendar-feed': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200, 403),
    request: (ctx) => ({ path: `${org(ctx)}/calendar-feed` }),
  },
  'POST /organizations/{organizationId}/calendar-feed': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 201, 403),
    request: (ctx) => ({ path: `${org(ctx)}/calendar-feed` }),
  },
  'DELETE /organizations/{organizationId}/calendar-feed': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 204, 403),
    request: (ctx) => ({ path: `${org(ctx)}/calendar-feed` }),
  },
  // The secret in the URL is the credential: whoever holds it reads the feed, with or without a session.
  'GET /calendar/{file}': {
    expect: anyone(200),
    request: async (ctx) => {
      const person = await createPerson(ctx.app, 'feed');
      await addMember(ctx.app, ctx.world.organization.id, person, 'executive');
      const token = newSecret();
      await ctx.prisma.calendarFeed.create({
        data: {
          organizationId: ctx.world.organization.id,
          userId: person.userId,
          tokenHash: hashSecret(token),
          prefix: token.slice(0, 6),
        },
      });
      return { path: `/calendar/${token}.ics` };
    },
  },
  'POST /organizations/{organizationId}/schedule/accept-suggestion': {
    expect: members(['admin', 'program_manager'], 409),
    request: (ctx) => ({
      path: `${org(ctx)}/schedule/accept-suggestion`,
      body: { suggestionId: 'none+none' },
    }),
  },
  'GET /organizations/{organizationId}/overview/dashboard': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/overview/dashboard` }),
  },
  // Cost: leadership reads, managers change; auditors and control owners never see it.
  'GET /organizations/{organizationId}/cost/summary': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/cost/summary?year=2027` }),
  },
  'GET /organizations/{organizationId}/cost/summary/csv': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/cost/summary/csv` }),
  },
  'GET /organizations/{organizationId}/cost/budget-lines': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/cost/budget-lines` }),
  },
  'POST /organizations/{organizationId}/cost/budget-lines': {
    expect: members(['admin', 'program_manager'], 201),
    request: (ctx) => ({
      path: `${org(ctx)}/cost/budget-lines`,
      body: {
        programId: ctx.world.program.id,
        year: 2027,
        kind: 'consultants',
        label: 'Matrix',
        currency: 'EUR',
        amount: 1,
      },
    }),
  },
  'PUT /organizations/{organizationId}/cost/budget-lines/{lineId}': {
    expect: members(['admin', 'program_manager'], 200),
    request: async (ctx) => ({
      path: `${org(ctx)}/cost/budget-lines/${await budgetLine(ctx)}`,
      body: {
        programId: ctx.world.program.id,
        year: 2027,
        kind: 'tooling',
        label: 'Matrix',
        currency: 'EUR',
        amount: 2,
      },
    }),
  },
  'DELETE /organizations/{organizationId}/cost/budget-lines/{lineId}': {
    expect: members(['admin', 'program_manager'], 204),
    request: async (ctx) => ({ path: `${org(ctx)}/cost/budget-lines/${await budgetLine(ctx)}` }),
  },
  'GET /organizations/{organizationId}/cost/actuals': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/cost/actuals` }),
  },
  'POST /organizations/{organizationId}/cost/actuals': {
    expect: members(['admin', 'program_manager'], 201),
    request: async (ctx) => ({
      path: `${org(ctx)}/cost/actuals`,
      body: {
        budgetLineId: await budgetLine(ctx),
        incurredOn: '2027-01-20',
        amount: 5,
        description: 'Matrix',
      },
    }),
  },
  'DELETE /organizations/{organizationId}/cost/actuals/{actualId}': {
    expect: members(['admin', 'program_manager'], 204),
    request: async (ctx) => ({ path: `${org(ctx)}/cost/actuals/${await costActual(ctx)}` }),
  },
};
