import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { server } from './test-app.js';

import type { Organization } from '../src/modules/organizations/organizations.schemas.js';

let counter = 0;

export async function createOrganization(
  app: INestApplication,
  name = 'Acme Analytics',
): Promise<Organization> {
  counter += 1;
  const slug = `acme-${Date.now().toString(36)}-${counter}`;
  const res = await request(server(app)).post('/organizations').send({ name, slug }).expect(201);
  return res.body as Organization;
}

export function isoProgramBody(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    name: 'AI management system certification',
    kind: 'ISO_CERTIFICATION',
    frameworks: ['iso42001', 'iso27001'],
    startDate: '2026-01-05',
    programManagerEmail: 'pm@acme.example',
    ...overrides,
  };
}

export function soc2ProgramBody(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    name: 'SOC 2 Type II for the analytics platform',
    kind: 'SOC2_ATTESTATION',
    frameworks: ['soc2'],
    startDate: '2026-02-02',
    programManagerEmail: 'pm@acme.example',
    config: { cpaFirm: 'Example CPA LLP', periodMonths: 6 },
    ...overrides,
  };
}
