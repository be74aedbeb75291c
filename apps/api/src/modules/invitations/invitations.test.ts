import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { type MailCatcher, startMailCatcher } from '@certflow/testkit/smtp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  createOrganizationWithAdmin,
  createPerson,
  type Person,
  type Session,
  signIn,
  uniqueEmail,
} from '../../../test/fixtures.js';
import { invitationTokenIn } from '../../../test/support/smtp.js';
import { TestClock } from '../../../test/support/test-clock.js';
import { createTestApp, type ErrorBody, server, TRUSTED_ORIGIN } from '../../../test/test-app.js';
import type { AppConfig } from '../../config/config.schema.js';

describe('invitations (real PostgreSQL, real SMTP)', () => {
  let db: TestDatabase;
  let smtp: MailCatcher;
  let app: INestApplication;
  let config: AppConfig;
  let admin: Session;
  let adminPerson: Person;
  let organization: { id: string; name: string };
  const clock = new TestClock();

  beforeAll(async () => {
    [db, smtp] = await Promise.all([createTestDatabase(), startMailCatcher()]);
    ({ app, config } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      clock,
      env: { SMTP_PORT: String(smtp.port), PUBLIC_WEB_URL: 'https://certflow.acme.example' },
    }));
    ({
      organization,
      session: admin,
      admin: adminPerson,
    } = await createOrganizationWithAdmin(app, 'Acme Assurance'));
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await db?.drop();
  });

  const anonymous = () => request.agent(server(app)).set('Origin', TRUSTED_ORIGIN);
  const invite = (email: string, role = 'control_owner') =>
    admin.post(`/organizations/${organization.id}/invitations`).send({ email, role });
  const mailTo = (email: string) => {
    const mail = smtp.messages.filter((m) => m.to.includes(email)).at(-1);
    if (!mail) throw new Error(`no mail to ${email}`);
    return mail;
  };

  it('mails a link; the invitee sets a password, joins with the role and is signed in', async () => {
    const email = uniqueEmail('new-owner');
    const created = await invite(email.toUpperCase()).expect(201);
    expect(created.body).toMatchObject({ email, role: 'control_owner', status: 'pending', delivery: 'sent' });
    const mail = mailTo(email);
    expect(mail.raw).toContain('You are invited to Acme Assurance on Certflow');
    expect(mail.raw).toContain('https://certflow.acme.example/invitation#token=');
    const token = invitationTokenIn(mail);

    const preview = await anonymous().post('/auth/invitations/inspect').send({ token }).expect(200);
    expect(preview.body).toMatchObject({
      organization: { name: 'Acme Assurance' },
      email,
      accountExists: false,
    });

    const invitee = anonymous();
    const accepted = await invitee
      .post('/auth/invitations/accept')
      .send({ token, password: 'a long enough passphrase', name: 'Olivia Owner' })
      .expect(200);
    expect(accepted.body).toMatchObject({
      user: { email, name: 'Olivia Owner' },
      session: { method: 'invitation' },
      memberships: [{ organization: { id: organization.id }, role: 'control_owner' }],
    });
    await invitee.get(`/organizations/${organization.id}/my-tasks`).expect(200);
    // The link is single-use, and the password works for signing in later.
    const again = await anonymous()
      .post('/auth/invitations/accept')
      .send({ token, password: 'a long enough passphrase' })
      .expect(400);
    expect((again.body as ErrorBody).errors).toEqual([
      { path: 'token', message: 'this invitation has already been used' },
    ]);
    await anonymous().post('/auth/sign-in').send({ email, password: 'a long enough passphrase' }).expect(200);

    const types = (
      await db.prisma.auditEvent.findMany({ where: { organizationId: organization.id, actor: email } })
    ).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['invitation.accepted', 'member.joined', 'auth.signed-in']));
  });

  it('lets an existing account join another organisation only with its own password', async () => {
    const person = await createPerson(app, 'existing');
    await invite(person.email, 'executive').expect(201);
    const token = invitationTokenIn(mailTo(person.email));
    const preview = await anonymous().post('/auth/invitations/inspect').send({ token }).expect(200);
    expect(preview.body).toMatchObject({ accountExists: true });

    const wrong = await anonymous()
      .post('/auth/invitations/accept')
      .send({ token, password: 'someone elses password' })
      .expect(400);
    expect((wrong.body as ErrorBody).errors).toEqual([expect.objectContaining({ path: 'password' })]);
    await anonymous().post('/auth/invitations/accept').send({ token, password: person.password }).expect(200);
    const membership = await db.prisma.membership.findFirstOrThrow({ where: { userId: person.userId } });
    expect(membership.role).toBe('executive');
  });

  it('refuses an expired link, naming the token, and lets the admin resend a fresh one', async () => {
    const email = uniqueEmail('late');
    const body = (await invite(email).expect(201)).body as { id: string };
    const oldToken = invitationTokenIn(mailTo(email));
    clock.advance(config.auth.invitationTtlMs + 1);
    // Days have passed: the admin's session has ended too.
    admin = await signIn(app, adminPerson);

    const expired = await anonymous()
      .post('/auth/invitations/accept')
      .send({ token: oldToken, password: 'a long enough passphrase' })
      .expect(400);
    expect((expired.body as ErrorBody).errors).toEqual([
      { path: 'token', message: 'this invitation has expired; ask for a new one' },
    ]);
    const listed = await admin.get(`/organizations/${organization.id}/invitations`).expect(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ email, status: 'expired' }));

    await admin.post(`/invitations/${body.id}/resend`).expect(200);
    const newToken = invitationTokenIn(mailTo(email));
    expect(newToken).not.toBe(oldToken);
    await anonymous().post('/auth/invitations/inspect').send({ token: oldToken }).expect(400);
    await anonymous().post('/auth/invitations/inspect').send({ token: newToken }).expect(200);
  });

  it('stops a revoked invitation from being used', async () => {
    const email = uniqueEmail('revoked');
    const body = (await invite(email).expect(201)).body as { id: string };
    const token = invitationTokenIn(mailTo(email));
    const revoked = await admin.post(`/invitations/${body.id}/revoke`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked' });
    const res = await anonymous().post('/auth/invitations/inspect').send({ token }).expect(400);
    expect((res.body as ErrorBody).errors).toEqual([
      { path: 'token', message: 'this invitation was withdrawn' },
    ]);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', role: 'executive' }, 'email'],
    ['an unknown role', { email: 'x@acme.example', role: 'superuser' }, 'role'],
    ['no role', { email: 'x@acme.example' }, 'role'],
  ])('answers %s with 400 naming the field', async (_, body, path) => {
    const res = await admin.post(`/organizations/${organization.id}/invitations`).send(body).expect(400);
    expect((res.body as ErrorBody).errors).toEqual([expect.objectContaining({ path })]);
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['an empty token', { token: '' }, 'token'],
    ['a token nobody issued', { token: 'x'.repeat(43) }, 'token'],
  ])('refuses to accept with %s, naming the field', async (_, override, path) => {
    const res = await anonymous()
      .post('/auth/invitations/accept')
      .send({ token: 'y'.repeat(43), password: 'a long enough passphrase', ...override })
      .expect(400);
    expect((res.body as ErrorBody).errors).toEqual([expect.objectContaining({ path })]);
  });

  it('refuses to invite a member twice or to leave two invitations pending', async () => {
    const member = await createPerson(app);
    await db.prisma.membership.create({
      data: { organizationId: organization.id, userId: member.userId, role: 'executive' },
    });
    await invite(member.email).expect(409);
    const email = uniqueEmail('twice');
    await invite(email).expect(201);
    await invite(email).expect(409);
  });

  it('keeps the invitation when the mail server refuses it, and says so', async () => {
    smtp.refuseNext(1);
    const res = await invite(uniqueEmail('bounced')).expect(201);
    expect(res.body).toMatchObject({ status: 'pending', delivery: 'failed' });
  });
});
