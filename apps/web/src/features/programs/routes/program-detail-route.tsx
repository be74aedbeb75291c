import { buttonClassName, ErrorSummary, Loading, PageHeader } from '@certflow/ui';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';

import { useProgram } from '../api/get-program';
import { ProgramOverview } from '../components/program-overview';
import { ProgramTasks } from '../components/program-tasks';
import { programKindLabels } from '../utils/labels';

export function ProgramDetailRoute() {
  const { programId = '' } = useParams();
  const program = useProgram(programId);

  if (program.isPending) return <Loading>Loading program…</Loading>;
  if (program.isError) {
    return <ErrorSummary title="Could not load the program" messages={[program.error.message]} />;
  }
  const { data } = program;
  return (
    <>
      <PageHeader
        title={data.name}
        description={programKindLabels[data.kind]}
        actions={
          <>
            <Link className={buttonClassName('secondary')} to={paths.gapAssessment(data.id)}>
              {data.kind === 'SOC2_ATTESTATION' ? 'Readiness assessment' : 'Gap assessment'}
            </Link>
            {data.kind === 'ISO_CERTIFICATION' ? (
              <Link className={buttonClassName('secondary')} to={paths.statementOfApplicability(data.id)}>
                Statement of Applicability
              </Link>
            ) : null}
            <Link
              className={buttonClassName('secondary')}
              to={paths.organizationPrograms(data.organizationId)}
            >
              All programs
            </Link>
          </>
        }
      />
      <ProgramOverview program={data} updatedAt={program.dataUpdatedAt} />
      <ProgramTasks program={data} />
    </>
  );
}
