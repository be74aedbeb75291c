import { randomBytes } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import type { Role } from '@certflow/contracts/access';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

import { AccountsService } from '../../src/modules/accounts/accounts.service.js';
import { server, TRUSTED_ORIGIN } from '../test-app.js';

export interface Person {
  userId: string;
  email: string;
  password: string;
}

let counter = 0;

/** A unique address per call, so test files sharing a database never collide. */
export function uniqueEmail(label = 'person'): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@acme.example`;
}

/** A person with a password, created through the same service the invitations and the first run use. */
export async function createPerson(app: INestApplication, label = 'person'): Promise<Person> {
  const accounts = app.get(AccountsService);
  const email = uniqueEmail(label);
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const user = await accounts.createUser(await accounts.prepare({ email, password }));
  return { userId: user.id, email, password };
}

export async function addMember(app: INestApplication, organizationId: string, person: Person, role: Role) {
  await app.get(AccountsService).addMembership(organizationId, person.userId, role);
}

/** A cookie-keeping client that sends the trusted browser Origin, as the web app's requests do. */
export type Session = TestAgent;

export async function signIn(app: INestApplication, person: Person): Promise<Session> {
  const agent = request.agent(server(app));
  agent.set('Origin', TRUSTED_ORIGIN);
  await agent.post('/auth/sign-in').send({ email: person.email, password: person.password }).expect(200);
  return agent;
}

/** A new person with `role` in the organisation, signed in. */
export async function memberSession(
  app: INestApplication,
  organizationId: string,
  role: Role,
  label: string,
): Promise<{ person: Person; session: Session }> {
  const person = await createPerson(app, label);
  await addMember(app, organizationId, person, role);
  return { person, session: await signIn(app, person) };
}

/** A new person who signs in and creates an organisation, so they are its admin. */
export async function createOrganizationWithAdmin(
  app: INestApplication,
  name = 'Acme Analytics',
): Promise<{ organization: { id: string; name: string; slug: string }; admin: Person; session: Session }> {
  const admin = await createPerson(app, 'admin');
  const session = await signIn(app, admin);
  counter += 1;
  const slug = `acme-${Date.now().toString(36)}-${counter}`;
  const res = await session.post('/organizations').send({ name, slug }).expect(201);
  return { organization: res.body as { id: string; name: string; slug: string }, admin, session };
}

/** Signs in and returns the `name=value` of the session cookie, to replay it against another API instance. */
export async function sessionCookie(app: INestApplication, person: Person): Promise<string> {
  const res = await request(server(app))
    .post('/auth/sign-in')
    .set('Origin', TRUSTED_ORIGIN)
    .send({ email: person.email, password: person.password })
    .expect(200);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('certflow_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0] ?? '';
}
