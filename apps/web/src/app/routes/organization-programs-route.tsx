import { buttonClassName, PageHeader } from '@certflow/ui';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { ProgramList } from '@/features/programs';
import { canIn, membershipIn, type Me } from '@/lib/me';

/** The programs an organisation runs, as far as the viewer may see them. */
export function OrganizationProgramsRoute({ me }: { me: Me }) {
  const { organizationId = '' } = useParams();
  const canCreate = canIn(me, organizationId, 'programs.create');
  const auditor = membershipIn(me, organizationId)?.role === 'auditor';
  return (
    <>
      <PageHeader
        title={auditor ? 'Programs shared with you' : 'Programs'}
        description={
          auditor
            ? 'The programs this organisation granted you, for the dates of each grant.'
            : 'Every certification and attestation timeline this organisation runs.'
        }
        actions={
          canCreate ? (
            <Link className={buttonClassName('primary')} to={paths.newProgram(organizationId)}>
              New program
            </Link>
          ) : null
        }
      />
      <ProgramList
        organizationId={organizationId}
        canCreate={canCreate}
        emptyTitle={auditor ? 'No program is shared with you today' : 'No programs yet'}
      />
    </>
  );
}
