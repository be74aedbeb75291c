import {
  buttonClassName,
  Card,
  EmptyState,
  ErrorSummary,
  Loading,
  StageBadge,
  Table,
  Tag,
  type TableColumn,
} from '@certflow/ui';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { usePrograms } from '../api/get-programs';
import type { Program } from '../api/program-schema';
import {
  formatCalendarDate,
  frameworkLabel,
  programKindLabels,
  stageLabel,
  stageTone,
} from '../utils/labels';
import styles from './programs.module.css';

const columns: TableColumn<Program>[] = [
  { key: 'name', header: 'Program', cell: (p) => <Link to={paths.program(p.id)}>{p.name}</Link> },
  { key: 'kind', header: 'Kind', cell: (p) => programKindLabels[p.kind] },
  {
    key: 'frameworks',
    header: 'Frameworks',
    cell: (p) => (
      <span className={styles.tags}>
        {p.frameworks.map((f) => (
          <Tag key={f}>{frameworkLabel(f)}</Tag>
        ))}
      </span>
    ),
  },
  {
    key: 'stage',
    header: 'Stage',
    cell: (p) =>
      p.stage === null ? (
        <span className={styles.muted}>{p.status === 'PENDING' ? 'Starting…' : 'Not recorded yet'}</span>
      ) : (
        <StageBadge label={stageLabel(p.stage)} tone={stageTone(p.stage)} />
      ),
  },
  {
    key: 'start',
    header: 'Start date',
    cell: (p) =>
      typeof p.parameters.startDate === 'string' ? formatCalendarDate(p.parameters.startDate) : '—',
  },
];

export interface ProgramListProps {
  organizationId: string;
  /** Whether the viewer may create programs (the access table decides; the API enforces it). */
  canCreate: boolean;
  /** What to say when the viewer sees no program, e.g. for an auditor with no grant today. */
  emptyTitle?: string;
}

export function ProgramList({ organizationId, canCreate, emptyTitle = 'No programs yet' }: ProgramListProps) {
  const programs = usePrograms(organizationId);
  if (programs.isPending) return <Loading>Loading programs…</Loading>;
  if (programs.isError)
    return <ErrorSummary title="Could not load programs" messages={[programs.error.message]} />;
  if (programs.data.length === 0) {
    return (
      <Card>
        <EmptyState title={emptyTitle}>
          {canCreate ? (
            <>
              <p>Create one to start tracking its certification timeline.</p>
              <Link className={buttonClassName('primary')} to={paths.newProgram(organizationId)}>
                Create the first program
              </Link>
            </>
          ) : null}
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card>
      <Table caption="Programs" hideCaption columns={columns} rows={programs.data} rowKey={(p) => p.id} />
    </Card>
  );
}
