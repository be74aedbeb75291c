import { buttonClassName, PageHeader } from '@certflow/ui';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { OrganizationSwitcher } from '@/features/organizations';
import { ProgramList } from '@/features/programs';

/** Composes two features (features never import each other, so the app does it). */
export function OrganizationProgramsRoute() {
  const { organizationId = '' } = useParams();
  return (
    <>
      <PageHeader
        title="Programs"
        description="Every certification and attestation timeline this organisation runs."
        actions={
          <Link className={buttonClassName('primary')} to={paths.newProgram(organizationId)}>
            New program
          </Link>
        }
      />
      <OrganizationSwitcher currentId={organizationId} />
      <ProgramList organizationId={organizationId} />
    </>
  );
}
