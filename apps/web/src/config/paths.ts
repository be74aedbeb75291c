import type { Role } from '@certflow/contracts/access';

const org = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;

/**
 * Every URL of the app in one place, so features link to each other's screens without importing each other.
 */
export const paths = {
  home: () => '/',
  signIn: (next?: string) =>
    next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in',
  sessionExpired: () => '/session-expired',
  invitation: () => '/invitation',
  newOrganization: () => '/organizations/new',
  organizationHome: (organizationId: string) => org(organizationId),
  organizationPrograms: (organizationId: string) => `${org(organizationId)}/programs`,
  newProgram: (organizationId: string) => `${org(organizationId)}/programs/new`,
  myTasks: (organizationId: string) => `${org(organizationId)}/my-tasks`,
  overview: (organizationId: string) => `${org(organizationId)}/overview`,
  schedule: (organizationId: string) => `${org(organizationId)}/schedule`,
  admin: (organizationId: string) => `${org(organizationId)}/admin`,
  implementation: (organizationId: string, framework?: string) =>
    `${org(organizationId)}/implementation${framework ? `?framework=${encodeURIComponent(framework)}` : ''}`,
  program: (programId: string) => `/programs/${encodeURIComponent(programId)}`,
  gapAssessment: (programId: string) => `/programs/${encodeURIComponent(programId)}/gap-assessment`,
  statementOfApplicability: (programId: string) =>
    `/programs/${encodeURIComponent(programId)}/statement-of-applicability`,
  task: (taskId: string) => `/tasks/${encodeURIComponent(taskId)}`,
  auditTrail: (organizationId: string) => `${org(organizationId)}/audit-trail`,
  cost: (organizationId: string) => `${org(organizationId)}/cost`,
  costCalculator: () => '/cost-calculator',
  organizationCostCalculator: (organizationId: string) => `${org(organizationId)}/cost-calculator`,
} as const;

/** Route patterns matching the builders above. */
export const routePatterns = {
  home: '/',
  signIn: '/sign-in',
  sessionExpired: '/session-expired',
  invitation: '/invitation',
  newOrganization: '/organizations/new',
  organizationHome: '/organizations/:organizationId',
  organizationPrograms: '/organizations/:organizationId/programs',
  newProgram: '/organizations/:organizationId/programs/new',
  myTasks: '/organizations/:organizationId/my-tasks',
  overview: '/organizations/:organizationId/overview',
  schedule: '/organizations/:organizationId/schedule',
  admin: '/organizations/:organizationId/admin',
  implementation: '/organizations/:organizationId/implementation',
  program: '/programs/:programId',
  gapAssessment: '/programs/:programId/gap-assessment',
  statementOfApplicability: '/programs/:programId/statement-of-applicability',
  task: '/tasks/:taskId',
  auditTrail: '/organizations/:organizationId/audit-trail',
  cost: '/organizations/:organizationId/cost',
  costCalculator: '/cost-calculator',
  organizationCostCalculator: '/organizations/:organizationId/cost-calculator',
} as const;

/**
 * Where each role starts: program managers and admins on the programs, control owners on their tasks,
 * executives on the overview, auditors on the programs granted to them.
 */
export function roleHome(role: Role, organizationId: string): string {
  switch (role) {
    case 'admin':
    case 'program_manager':
    case 'auditor':
      return paths.organizationPrograms(organizationId);
    case 'control_owner':
      return paths.myTasks(organizationId);
    case 'executive':
      return paths.overview(organizationId);
  }
}
