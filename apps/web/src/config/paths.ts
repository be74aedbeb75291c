/**
 * Every URL of the app in one place, so features link to each other's screens without importing each other.
 */
export const paths = {
  home: () => '/',
  organizationPrograms: (organizationId: string) =>
    `/organizations/${encodeURIComponent(organizationId)}/programs`,
  newProgram: (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}/programs/new`,
  program: (programId: string) => `/programs/${encodeURIComponent(programId)}`,
} as const;

/** Route patterns matching the builders above. */
export const routePatterns = {
  home: '/',
  organizationPrograms: '/organizations/:organizationId/programs',
  newProgram: '/organizations/:organizationId/programs/new',
  program: '/programs/:programId',
} as const;
