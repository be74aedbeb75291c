import { buttonClassName, Card, EmptyState, ErrorSummary, Loading, PageHeader } from '@certflow/ui';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-error';
import { canIn, type Me } from '@/lib/me';

import { soaCsvUrl, useSoa, useSoaProgram } from '../api/soa';
import styles from '../components/soa.module.css';
import { SoaTable } from '../components/soa-table';
import { frameworkShortName } from '../utils/frameworks';

/**
 * The Statement of Applicability of an ISO program: every Annex A control, applicable or excluded with its
 * justification, its implementation status and the remediation task addressing it; exported as CSV.
 */
export function SoaRoute({ me }: { me: Me }) {
  const { programId = '' } = useParams();
  const program = useSoaProgram(programId);
  const soa = useSoa(programId);

  if (program.isPending || soa.isPending) return <Loading>Loading the Statement of Applicability…</Loading>;
  if (program.isError) {
    return <ErrorSummary title="Could not load the program" messages={[program.error.message]} />;
  }
  if (soa.isError) {
    const notIso = soa.error instanceof ApiError && soa.error.status === 409;
    return (
      <>
        <PageHeader title="Statement of Applicability" description={program.data.name} />
        {notIso ? (
          <Card>
            <EmptyState title="No Statement of Applicability for this program">
              <p>{soa.error.message}</p>
            </EmptyState>
          </Card>
        ) : (
          <ErrorSummary
            title="Could not load the Statement of Applicability"
            messages={[soa.error.message]}
          />
        )}
      </>
    );
  }
  const view = soa.data;
  const editable = canIn(me, program.data.organizationId, 'programs.operate');
  return (
    <>
      <PageHeader
        title="Statement of Applicability"
        description={`${view.programName}: every Annex A control, included or excluded with why, and how far it is implemented.`}
        actions={
          <>
            <a className={buttonClassName('primary')} href={soaCsvUrl(programId)} download>
              Download CSV
            </a>
            <Link className={buttonClassName('secondary')} to={paths.gapAssessment(programId)}>
              Gap assessment
            </Link>
            <Link className={buttonClassName('secondary')} to={paths.program(programId)}>
              Back to the program
            </Link>
          </>
        }
      />
      {view.tasksFrom === 'database' ? (
        <p role="status" className={styles.muted}>
          The workflow did not answer in time; remediation tasks are shown as last recorded.
        </p>
      ) : null}
      {view.frameworks.map((framework) => {
        const lines = view.lines.filter((l) => l.framework === framework);
        const s = view.summary[framework];
        const name = frameworkShortName(framework);
        return (
          <Card key={framework} title={`${name} Annex A`}>
            {s ? (
              <ul className={styles.summary} aria-label={`${name} summary`}>
                <li>
                  Controls <strong>{s.controls}</strong>
                </li>
                <li>
                  Applicable <strong>{s.applicable}</strong>
                </li>
                <li>
                  Excluded <strong>{s.excluded}</strong>
                </li>
                <li>
                  Implemented <strong>{s.implemented}</strong>
                </li>
                <li>
                  Partly <strong>{s.partial}</strong>
                </li>
                <li>
                  Not implemented <strong>{s.notImplemented}</strong>
                </li>
                <li>
                  Not recorded <strong>{s.unrecorded}</strong>
                </li>
              </ul>
            ) : null}
            <SoaTable
              programId={programId}
              caption={`${name} Annex A controls`}
              lines={lines}
              editable={editable}
            />
          </Card>
        );
      })}
    </>
  );
}
