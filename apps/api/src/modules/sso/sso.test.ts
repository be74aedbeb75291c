import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { type RunningOidcProvider, spawnOidcProvider } from '@certflow/testkit/oidc';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  addMember,
  createOrganizationWithAdmin,
  createPerson,
  type Person,
  type Session,
  signIn,
  uniqueEmail,
} from '../../../test/fixtures.js';
import { signInAtProvider } from '../../../test/support/oidc-browser.js';
import { createTestApp, type ErrorBody, server, TRUSTED_ORIGIN } from '../../../test/test-app.js';
import type { AppConfig } from '../../config/config.schema.js';

const CLIENT = { clientId: 'certflow-test', clientSecret: 'a-client-secret-for-tests' };

// The must-show path: Certflow's SSO against a real OpenID Connect provider running as its own process.
describe('single sign-on with OpenID Connect (real provider process, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: AppConfig;
  let provider: RunningOidcProvider;
  let organization: { id: string; slug: string };
  let adminSession: Session;
  let member: Person;
  const stranger = { subject: 'stranger-1', email: uniqueEmail('stranger'), password: 'stranger-pw' };
  const unverified = { subject: 'unverified-1', email: '', password: 'unverified-pw', emailVerified: false };
  const invitee = { subject: 'invitee-1', email: uniqueEmail('invitee'), password: 'invitee-pw' };
  let memberAtIdp: { subject: string; email: string; password: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, config } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
    }));
    ({ organization, session: adminSession } = await createOrganizationWithAdmin(app, 'Acme SSO'));
    member = await createPerson(app, 'sso-member');
    await addMember(app, organization.id, member, 'control_owner');
    memberAtIdp = { subject: 'member-1', email: member.email, password: 'idp-password' };
    unverified.email = member.email.replace('@', '+unverified@');
    provider = await spawnOidcProvider({
      clients: [{ ...CLIENT, redirectUris: [config.auth.oidcRedirectUri] }],
      accounts: [memberAtIdp, stranger, unverified, invitee],
    });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await db?.drop();
  });

  const browser = () => request.agent(server(app)).set('Origin', TRUSTED_ORIGIN);

  /** Start at Certflow, sign in at the provider, come back: returns the browser and where it landed. */
  async function ssoSignIn(account: { email: string; password: string }, returnTo?: string) {
    const agent = browser();
    const started = await agent
      .post('/auth/sso/start')
      .send({ organization: organization.slug, ...(returnTo ? { returnTo } : {}) })
      .expect(200);
    const redirectUrl = (started.body as { redirectUrl: string }).redirectUrl;
    const callback = await signInAtProvider(redirectUrl, account, config.auth.oidcRedirectUri);
    const apiPath = callback.href.slice(config.auth.oidcRedirectUri.length - '/auth/sso/callback'.length);
    const back = await agent.get(apiPath).expect(302);
    return { agent, landed: String(back.headers.location), redirectUrl, apiPath };
  }

  it('lets the admin set up the provider (checked by discovery) and never shows the secret again', async () => {
    const path = `/organizations/${organization.id}/sso`;
    const bad = await adminSession
      .put(path)
      .send({ ...CLIENT, issuer: 'http://127.0.0.1:1/nothing' })
      .expect(400);
    expect((bad.body as ErrorBody).errors).toEqual([expect.objectContaining({ path: 'issuer' })]);
    const remote = await adminSession
      .put(path)
      .send({ ...CLIENT, issuer: 'http://idp.example.com' })
      .expect(400);
    expect((remote.body as ErrorBody).errors).toEqual([
      { path: 'issuer', message: 'must be an https:// URL' },
    ]);

    const saved = await adminSession
      .put(path)
      .send({ ...CLIENT, issuer: provider.issuer, required: true })
      .expect(200);
    expect(saved.body).toEqual({
      configured: true,
      issuer: provider.issuer,
      clientId: CLIENT.clientId,
      clientSecretSet: true,
      required: true,
      redirectUri: config.auth.oidcRedirectUri,
    });
    expect(JSON.stringify((await adminSession.get(path).expect(200)).body)).not.toContain(
      CLIENT.clientSecret,
    );
  });

  it('signs a member in through the provider with PKCE and lands them where they started', async () => {
    const returnTo = `/organizations/${organization.id}/my-tasks`;
    const { agent, landed, redirectUrl } = await ssoSignIn(memberAtIdp, returnTo);
    const params = new URL(redirectUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(landed).toBe(`${config.auth.publicWebUrl}${returnTo}`);

    const me = await agent.get('/me').expect(200);
    expect(me.body).toMatchObject({
      user: { email: member.email },
      session: { method: 'oidc' },
      memberships: [{ organization: { id: organization.id }, role: 'control_owner', access: 'granted' }],
    });
    await agent.get(returnTo).expect(200);
    const link = await db.prisma.oidcIdentity.findFirstOrThrow({ where: { userId: member.userId } });
    expect(link).toMatchObject({ issuer: provider.issuer, subject: memberAtIdp.subject });
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: organization.id, type: 'auth.signed-in', actor: member.email },
      orderBy: { recordedAt: 'desc' },
    });
    expect(event.payload).toMatchObject({ method: 'oidc', issuer: provider.issuer });
  });

  it('keeps password sessions out of an organisation that requires SSO, except its admins', async () => {
    const passwordSession = await signIn(app, member);
    const refused = await passwordSession.get(`/organizations/${organization.id}`).expect(403);
    expect((refused.body as ErrorBody).code).toBe('sso_required');
    const me = await passwordSession.get('/me').expect(200);
    expect(me.body).toMatchObject({ memberships: [{ access: 'sso_required', ssoRequired: true }] });
    await adminSession.get(`/organizations/${organization.id}/members`).expect(200);
  });

  it('sends people the provider knows but the organisation does not back to sign-in, with the reason', async () => {
    expect((await ssoSignIn(stranger)).landed).toBe(
      `${config.auth.publicWebUrl}/sign-in?sso_error=no-account`,
    );
    expect((await ssoSignIn(unverified)).landed).toBe(
      `${config.auth.publicWebUrl}/sign-in?sso_error=email-not-verified`,
    );
  });

  it('joins someone invited to the organisation on their first SSO sign-in', async () => {
    await adminSession
      .post(`/organizations/${organization.id}/invitations`)
      .send({ email: invitee.email, role: 'executive' })
      .expect(201);
    const { agent } = await ssoSignIn(invitee);
    const me = await agent.get('/me').expect(200);
    expect(me.body).toMatchObject({ user: { email: invitee.email }, memberships: [{ role: 'executive' }] });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: invitee.email } });
    expect(user.passwordHash).toBeNull();
  });

  it('finishes a flow only once, and only in the browser that started it', async () => {
    const agent = browser();
    const started = await agent.post('/auth/sso/start').send({ organization: organization.slug }).expect(200);
    const callback = await signInAtProvider(
      (started.body as { redirectUrl: string }).redirectUrl,
      memberAtIdp,
      config.auth.oidcRedirectUri,
    );
    const apiPath = callback.href.slice(config.auth.oidcRedirectUri.length - '/auth/sso/callback'.length);
    // Another browser (an attacker's link) gets nothing, and the flow is spent.
    const elsewhere = await browser().get(apiPath).expect(302);
    expect(elsewhere.headers.location).toMatch(/sso_error=expired$/);
    expect(elsewhere.headers['set-cookie']?.toString() ?? '').not.toMatch(/certflow_session=[^;]/);
    const replay = await agent.get(apiPath).expect(302);
    expect(replay.headers.location).toMatch(/sso_error=expired$/);
  });

  it('answers an organisation without SSO like an unknown one, naming the field', async () => {
    const plain = await createOrganizationWithAdmin(app, 'Plain Co');
    for (const slug of [plain.organization.slug, 'no-such-organisation']) {
      const res = await browser().post('/auth/sso/start').send({ organization: slug }).expect(400);
      expect((res.body as ErrorBody).errors).toEqual([
        { path: 'organization', message: `no single sign-on is set up for '${slug}'` },
      ]);
    }
    const res = await browser()
      .post('/auth/sso/start')
      .send({ organization: 'x', returnTo: '//evil.example' });
    expect((res.body as ErrorBody).errors).toEqual([expect.objectContaining({ path: 'returnTo' })]);
  });
});
