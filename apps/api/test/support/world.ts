import { randomBytes } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import type { Role } from '@certflow/contracts/access';
import type { PrismaClient } from '@certflow/db';

import { newApiTokenSecret } from '../../src/access/api-token-authenticator.js';
import { hashSecret } from '../../src/common/secret-token.js';
import { isoProgramBody, programsPath } from '../fixtures.js';
import {
  addMember,
  createOrganizationWithAdmin,
  createPerson,
  type Person,
  type Session,
  signIn,
} from './people.js';

export const roleNames = ['admin', 'program_manager', 'control_owner', 'executive', 'auditor'] as const;

export interface Organization {
  id: string;
  name: string;
  slug: string;
}

/**
 * One organisation with a person in every role, a program the auditor is granted (today inside the window)
 * and on which the control owner owns a remediation task, and a program manager API token.
 */
export interface World {
  organization: Organization;
  people: Record<Role, Person>;
  program: { id: string; name: string };
  /** A second program nobody granted and nobody owns a task in. */
  otherProgram: { id: string; name: string };
  tokenSecret: string;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function shiftDays(day: string, days: number): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

export async function buildWorld(app: INestApplication, prisma: PrismaClient, name = 'Acme'): Promise<World> {
  const { organization, admin, session } = await createOrganizationWithAdmin(app, name);
  const people = { admin } as Record<Role, Person>;
  for (const role of roleNames.filter((r) => r !== 'admin')) {
    people[role] = await createPerson(app, role.replace('_', '-'));
    await addMember(app, organization.id, people[role], role);
  }
  const program = await createProgram(session, organization.id, `${name} ISMS`);
  const otherProgram = await createProgram(session, organization.id, `${name} SOC 2 readiness`);
  const day = today();
  await prisma.programGrant.create({
    data: {
      organizationId: organization.id,
      programId: program.id,
      userId: people.auditor.userId,
      validFrom: shiftDays(day, -7),
      validUntil: shiftDays(day, 30),
    },
  });
  // No worker runs in these tests: the row the worker's projection would write for a task of the control owner.
  await insertTask(prisma, program.id, people.control_owner.email, 'Approve the risk treatment plan');
  const tokenSecret = newApiTokenSecret();
  await prisma.apiToken.create({
    data: {
      organizationId: organization.id,
      name: `ci-${randomBytes(3).toString('hex')}`,
      role: 'program_manager',
      tokenHash: hashSecret(tokenSecret),
      prefix: tokenSecret.slice(0, 10),
    },
  });
  return { organization, people, program, otherProgram, tokenSecret };
}

export async function createProgram(session: Session, organizationId: string, name: string) {
  const res = await session.post(programsPath(organizationId)).send(isoProgramBody({ name })).expect(201);
  return res.body as { id: string; name: string };
}

export async function insertTask(prisma: PrismaClient, programId: string, ownerEmail: string, title: string) {
  const { organizationId } = await prisma.program.findUniqueOrThrow({ where: { id: programId } });
  return prisma.remediationTask.create({
    data: {
      programId,
      organizationId,
      ownerEmail,
      title,
      dueDate: new Date('2027-01-15'),
      requirementIds: ['iso27001:A.5.15'],
    },
  });
}

/** Signs the world's person of a role in, in a session of their own. */
export function sessionOf(app: INestApplication, world: World, role: Role): Promise<Session> {
  return signIn(app, world.people[role]);
}
