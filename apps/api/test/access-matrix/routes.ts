import { randomBytes } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { newApiTokenSecret } from '../../src/access/api-token-authenticator.js';
import { hashSecret, newSecret } from '../../src/common/secret-token.js';

import { isoProgramBody } from '../fixtures.js';
import { addMember, createPerson, uniqueEmail } from '../support/people.js';
import { today, type World } from '../support/world.js';
import { anyone, members, type Outcome, signedIn } from './expectations.js';
import { leadershipRows } from './routes-leadership.js';
import { operationsRows } from './routes-operations.js';

export interface Context {
  app: INestApplication;
  prisma: PrismaClient;
  world: World;
  /** An organisation with single sign-on set up against the test provider. */
  ssoOrganizationSlug: string;
  issuer: string;
}

export interface Call {
  path: string;
  body?: object;
  /** A multipart upload instead of a JSON body: text fields first, then the file. */
  upload?: { fields: Record<string, string>; file: Buffer; fileName: string };
  /** An endless response (server-sent events): read the status, then hang up. */
  stream?: boolean;
}

export interface Row {
  expect: Outcome;
  /** Builds a fresh request for one cell, creating whatever it consumes (so no cell spoils another). */
  request: (ctx: Context) => Promise<Call> | Call;
}

export const org = (ctx: Context): string => `/organizations/${ctx.world.organization.id}`;

export const unique = () => randomBytes(4).toString('hex');

async function invitation(ctx: Context) {
  const token = newSecret();
  const row = await ctx.prisma.invitation.create({
    data: {
      organizationId: ctx.world.organization.id,
      email: uniqueEmail('invitee'),
      role: 'control_owner',
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { id: row.id, token };
}

async function member(ctx: Context) {
  const person = await createPerson(ctx.app, 'member');
  await addMember(ctx.app, ctx.world.organization.id, person, 'control_owner');
  const row = await ctx.prisma.membership.findFirstOrThrow({ where: { userId: person.userId } });
  return row.id;
}

async function apiToken(ctx: Context) {
  const secret = newApiTokenSecret();
  const row = await ctx.prisma.apiToken.create({
    data: {
      organizationId: ctx.world.organization.id,
      name: `matrix-${unique()}`,
      role: 'executive',
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 10),
    },
  });
  return row.id;
}

async function grant(ctx: Context) {
  // A second auditor's grant, so revoking it never touches the matrix auditor's own access.
  const auditor = await createPerson(ctx.app, 'auditor');
  await addMember(ctx.app, ctx.world.organization.id, auditor, 'auditor');
  const row = await ctx.prisma.programGrant.create({
    data: {
      organizationId: ctx.world.organization.id,
      programId: ctx.world.program.id,
      userId: auditor.userId,
      validFrom: new Date(`${today()}T00:00:00.000Z`),
      validUntil: new Date(`${today()}T00:00:00.000Z`),
    },
  });
  return row.id;
}

/**
 * The expected outcome of every route in the OpenAPI document for every caller. A route in the document
 * without a row here fails the matrix test, and so does a row whose route no longer exists.
 */
export const matrix: Record<string, Row> = {
  'GET /health': { expect: anyone(200), request: () => ({ path: '/health' }) },

  'POST /auth/sign-in': {
    expect: anyone(200),
    request: async ({ app }) => {
      const person = await createPerson(app);
      return { path: '/auth/sign-in', body: { email: person.email, password: person.password } };
    },
  },
  'POST /auth/sign-out': { expect: signedIn(204, 403), request: () => ({ path: '/auth/sign-out' }) },
  'POST /auth/sign-out-everywhere': {
    expect: signedIn(204, 403),
    request: () => ({ path: '/auth/sign-out-everywhere' }),
  },
  'GET /me': { expect: signedIn(200, 200), request: () => ({ path: '/me' }) },
  'POST /auth/invitations/inspect': {
    expect: anyone(200),
    request: async (ctx) => ({
      path: '/auth/invitations/inspect',
      body: { token: (await invitation(ctx)).token },
    }),
  },
  'POST /auth/invitations/accept': {
    expect: anyone(200),
    request: async (ctx) => ({
      path: '/auth/invitations/accept',
      body: { token: (await invitation(ctx)).token, password: `correct horse ${unique()}` },
    }),
  },
  'POST /auth/sso/start': {
    expect: anyone(200),
    request: (ctx) => ({ path: '/auth/sso/start', body: { organization: ctx.ssoOrganizationSlug } }),
  },
  // Without a flow in progress the callback sends the browser back to the sign-in page.
  'GET /auth/sso/callback': { expect: anyone(302), request: () => ({ path: '/auth/sso/callback?state=x' }) },

  'GET /organizations': { expect: signedIn(200, 200), request: () => ({ path: '/organizations' }) },
  'POST /organizations': {
    expect: signedIn(201, 403),
    request: () => ({ path: '/organizations', body: { name: 'Matrix Co', slug: `matrix-${unique()}` } }),
  },
  'GET /organizations/{organizationId}': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: org(ctx) }),
  },

  'GET /organizations/{organizationId}/members': {
    expect: members(['admin', 'program_manager'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/members` }),
  },
  'PATCH /memberships/{id}': {
    expect: members(['admin'], 200),
    request: async (ctx) => ({ path: `/memberships/${await member(ctx)}`, body: { role: 'executive' } }),
  },
  'DELETE /memberships/{id}': {
    expect: members(['admin'], 204),
    request: async (ctx) => ({ path: `/memberships/${await member(ctx)}` }),
  },

  'GET /organizations/{organizationId}/invitations': {
    expect: members(['admin'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/invitations` }),
  },
  'POST /organizations/{organizationId}/invitations': {
    expect: members(['admin'], 201),
    request: (ctx) => ({
      path: `${org(ctx)}/invitations`,
      body: { email: uniqueEmail('invited'), role: 'executive' },
    }),
  },
  'POST /invitations/{id}/resend': {
    expect: members(['admin'], 200),
    request: async (ctx) => ({ path: `/invitations/${(await invitation(ctx)).id}/resend` }),
  },
  'POST /invitations/{id}/revoke': {
    expect: members(['admin'], 200),
    request: async (ctx) => ({ path: `/invitations/${(await invitation(ctx)).id}/revoke` }),
  },

  'GET /organizations/{organizationId}/api-tokens': {
    expect: members(['admin'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/api-tokens` }),
  },
  'POST /organizations/{organizationId}/api-tokens': {
    expect: members(['admin'], 201),
    request: (ctx) => ({
      path: `${org(ctx)}/api-tokens`,
      body: { name: `n-${unique()}`, role: 'executive' },
    }),
  },
  'POST /api-tokens/{id}/revoke': {
    expect: members(['admin'], 200),
    request: async (ctx) => ({ path: `/api-tokens/${await apiToken(ctx)}/revoke` }),
  },

  'GET /organizations/{organizationId}/program-grants': {
    expect: members(['admin', 'program_manager'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/program-grants` }),
  },
  'POST /organizations/{organizationId}/program-grants': {
    expect: members(['admin', 'program_manager'], 201),
    request: (ctx) => ({
      path: `${org(ctx)}/program-grants`,
      body: {
        programId: ctx.world.otherProgram.id,
        userId: ctx.world.people.auditor.userId,
        validFrom: '2020-01-01',
        validUntil: '2020-12-31',
      },
    }),
  },
  'POST /program-grants/{id}/revoke': {
    expect: members(['admin', 'program_manager'], 200),
    request: async (ctx) => ({ path: `/program-grants/${await grant(ctx)}/revoke` }),
  },

  'GET /organizations/{organizationId}/sso': {
    expect: members(['admin'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/sso` }),
  },
  'PUT /organizations/{organizationId}/sso': {
    expect: members(['admin'], 200),
    request: (ctx) => ({
      path: `${org(ctx)}/sso`,
      body: { issuer: ctx.issuer, clientId: 'certflow', clientSecret: 'matrix-secret', required: false },
    }),
  },
  'DELETE /organizations/{organizationId}/sso': {
    expect: members(['admin'], 204),
    request: (ctx) => ({ path: `${org(ctx)}/sso` }),
  },
  'GET /organizations/{organizationId}/security-events': {
    expect: members(['admin'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/security-events` }),
  },

  'GET /organizations/{organizationId}/programs': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/programs` }),
  },
  'POST /organizations/{organizationId}/programs': {
    expect: members(['admin', 'program_manager'], 201),
    request: (ctx) => ({
      path: `${org(ctx)}/programs`,
      body: isoProgramBody({ name: `Matrix ${unique()}` }),
    }),
  },
  // The auditor is granted this program and the control owner owns a task in it, so every role sees it.
  'GET /programs/{id}': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `/programs/${ctx.world.program.id}` }),
  },
  'GET /organizations/{organizationId}/overview': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/overview` }),
  },
  ...operationsRows,
  ...leadershipRows,
};
