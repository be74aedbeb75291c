import { buttonClassName, ErrorSummary, Loading, PageHeader } from '@certflow/ui';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';
import { useMe } from '@/lib/me';

import { useProgram } from '../api/get-program';
import { ActionPanel } from '../components/action-panel';
import { ProgramOverview } from '../components/program-overview';
import { ProgramStatus } from '../components/program-status';
import { ProgramTimeline } from '../components/program-timeline';
import { ProgramWork } from '../components/program-work';
import styles from '../components/programs.module.css';
import { todayAsCalendarDate } from '../components/program-form-schema';
import { programKindLabels } from '../utils/labels';

/**
 * A program's page: where it stands (live from the workflow), its certificate or SOC 2 reports, the timeline of
 * every cycle (read model), what is open, and every action the person may take.
 */
export function ProgramDetailRoute() {
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const me = useMe();

  if (program.isPending) return <Loading>Loading program…</Loading>;
  if (program.isError) {
    return <ErrorSummary title="Could not load the program" messages={[program.error.message]} />;
  }
  const { data } = program;
  const today = data.state.workflow?.today ?? todayAsCalendarDate();
  return (
    <>
      <PageHeader
        title={data.name}
        description={programKindLabels[data.kind]}
        actions={
          <span className={styles.headerActions}>
            {data.links.temporalUi ? (
              <a
                className={buttonClassName('ghost')}
                href={data.links.temporalUi}
                target="_blank"
                rel="noreferrer"
              >
                Workflow in Temporal (opens a new tab)
              </a>
            ) : null}
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
          </span>
        }
      />
      <ProgramOverview program={data} updatedAt={program.dataUpdatedAt} />
      <div className={styles.grid}>
        <ProgramStatus program={data} />
      </div>
      <ProgramTimeline programId={data.id} today={today} />
      <div className={styles.grid}>
        <ProgramWork program={data} today={today} />
      </div>
      <ActionPanel program={data} me={me.data} />
    </>
  );
}
