import { roles } from '@certflow/contracts/access';
import { describe, expect, it } from 'vitest';

import { paths, roleHome } from './paths';

describe('roleHome', () => {
  it('sends each role to its own page', () => {
    const org = 'acme';
    expect(Object.fromEntries(roles.map((role) => [role, roleHome(role, org)]))).toEqual({
      admin: paths.organizationPrograms(org),
      program_manager: paths.organizationPrograms(org),
      control_owner: paths.myTasks(org),
      executive: paths.overview(org),
      auditor: paths.organizationPrograms(org),
    });
  });

  it('keeps where to return after signing in, except the home page', () => {
    expect(paths.signIn('/organizations/acme/overview')).toBe(
      '/sign-in?next=%2Forganizations%2Facme%2Foverview',
    );
    expect(paths.signIn('/')).toBe('/sign-in');
  });
});
