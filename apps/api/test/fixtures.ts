export {
  addMember,
  createOrganizationWithAdmin,
  createPerson,
  memberSession,
  sessionCookie,
  signIn,
  uniqueEmail,
} from './support/people.js';
export type { Person, Session } from './support/people.js';

/** The collection a program is created in and listed from. */
export function programsPath(organizationId: string): string {
  return `/organizations/${organizationId}/programs`;
}

export function isoProgramBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'AI management system certification',
    kind: 'ISO_CERTIFICATION',
    frameworks: ['iso42001', 'iso27001'],
    startDate: '2026-01-05',
    programManagerEmail: 'pm@acme.example',
    ...overrides,
  };
}

export function soc2ProgramBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'SOC 2 Type II for the analytics platform',
    kind: 'SOC2_ATTESTATION',
    frameworks: ['soc2'],
    startDate: '2026-02-02',
    programManagerEmail: 'pm@acme.example',
    config: { cpaFirm: 'Example CPA LLP', periodMonths: 6 },
    ...overrides,
  };
}
