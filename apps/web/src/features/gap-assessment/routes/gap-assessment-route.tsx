import { type FrameworkId, isFrameworkId } from '@certflow/catalog';
import {
  Button,
  buttonClassName,
  Card,
  EmptyState,
  ErrorSummary,
  Loading,
  PageHeader,
  SelectField,
  StageBadge,
  Table,
} from '@certflow/ui';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';
import { prefillBasisLabels, prefillBasisTones } from '@/lib/implementation';
import { canIn, type Me } from '@/lib/me';

import {
  type GapItem as GapItemData,
  useAnswerGapItems,
  useFinaliseGapAssessment,
  useGapAssessment,
  useGapProgram,
} from '../api/gap-assessment';
import { FinaliseForm } from '../components/finalise-form';
import styles from '../components/gap-assessment.module.css';
import { GapItem } from '../components/gap-item';
import { HeatmapTable } from '../components/heatmap-table';
import { StartPanel } from '../components/start-panel';
import { heatmap } from '../utils/heatmap';
import { frameworkName } from '../utils/requirements';

const filters = {
  all: { label: 'All requirements', test: () => true },
  unanswered: { label: 'Not answered yet', test: (i: GapItemData) => i.answer === null },
  'carried-over': { label: 'Carried over', test: (i: GapItemData) => i.suggestion.basis === 'carried-over' },
  partly: { label: 'Partly carried over', test: (i: GapItemData) => i.suggestion.basis === 'partly' },
  open: { label: 'Open', test: (i: GapItemData) => i.suggestion.basis === 'open' },
  recorded: { label: 'Recorded', test: (i: GapItemData) => i.suggestion.basis === 'recorded' },
  gaps: {
    label: 'Gaps (answered partly or not implemented)',
    test: (i: GapItemData) => i.answer?.status === 'partial' || i.answer?.status === 'not_implemented',
  },
} as const;
type FilterKey = keyof typeof filters;

/** The gap-assessment wizard: pick the framework, see what carries over and why, answer, finalise into tasks. */
export function GapAssessmentRoute({ me }: { me: Me }) {
  const { programId = '' } = useParams();
  const program = useGapProgram(programId);
  const gap = useGapAssessment(programId);
  const answer = useAnswerGapItems(programId);
  const [search, setSearch] = useSearchParams();
  const [filter, setFilter] = useState<FilterKey>('all');
  const finalise = useFinaliseGapAssessment(programId);
  const finalised = finalise.data;

  if (program.isPending || gap.isPending) return <Loading>Loading the gap assessment…</Loading>;
  if (program.isError || gap.isError) {
    const error = program.error ?? gap.error;
    return <ErrorSummary title="Could not load the gap assessment" messages={[error?.message ?? '']} />;
  }
  const view = gap.data;
  const soc2 = view.update === 'completeReadinessAssessment';
  const title = soc2 ? 'Readiness assessment' : 'Gap assessment';
  const requested = search.get('framework') ?? '';
  const framework = (view.frameworks.includes(requested) ? requested : view.frameworks[0]) as FrameworkId;
  const canOperate = canIn(me, program.data.organizationId, 'programs.operate');
  const editable = canOperate && view.status === 'DRAFT';
  const items = view.items.filter((i) => i.framework === framework);
  const shown = items.filter(filters[filter].test);
  const unansweredShown = shown.filter((i) => i.answer === null);
  const counts = view.summary[framework];
  const manager =
    typeof program.data.parameters.programManagerEmail === 'string'
      ? program.data.parameters.programManagerEmail
      : undefined;

  const acceptShown = () =>
    answer.mutate({
      items: unansweredShown.map((i) => ({ requirementId: i.requirementId, status: i.suggestion.status })),
    });

  return (
    <>
      <PageHeader
        title={`${title}: ${program.data.name}`}
        description={
          view.status === 'NOT_STARTED'
            ? 'Not started. The suggestions below come from what the organisation has recorded for its other frameworks.'
            : view.status === 'FINALISED'
              ? `Finalised on ${view.completedOn ?? ''} by ${view.finalisedBy ?? ''}.`
              : view.status === 'FINALISING'
                ? 'Being handed to the workflow. Finalise again if this does not change.'
                : `Draft started by ${view.startedBy ?? ''}. Confirm or change each requirement, then finalise.`
        }
        actions={
          <>
            {!soc2 ? (
              <Link className={buttonClassName('secondary')} to={paths.statementOfApplicability(programId)}>
                Statement of Applicability
              </Link>
            ) : null}
            <Link className={buttonClassName('secondary')} to={paths.program(programId)}>
              Back to the program
            </Link>
          </>
        }
      />
      <div className={styles.columns}>
        <Card title="Framework">
          {view.frameworks.length > 1 ? (
            <SelectField
              label="Framework to work on"
              options={view.frameworks.map((f) => ({ value: f, label: frameworkName(f) }))}
              value={framework}
              onChange={(e) => setSearch({ framework: e.currentTarget.value })}
            />
          ) : (
            <p>{isFrameworkId(framework) ? frameworkName(framework) : framework}</p>
          )}
          {counts ? (
            <ul className={styles.summary} aria-label="What carries over">
              {(['recorded', 'carried-over', 'partly', 'open'] as const).map((basis) => (
                <li key={basis}>
                  <StageBadge label={prefillBasisLabels[basis]} tone={prefillBasisTones[basis]} />{' '}
                  <strong>{basis === 'carried-over' ? counts.carriedOver : counts[basis]}</strong>
                </li>
              ))}
              <li>
                Answered <strong>{counts.answered}</strong> of {counts.total}
              </li>
              <li>
                Gaps <strong>{counts.gaps}</strong>
              </li>
            </ul>
          ) : null}
        </Card>
        {view.status === 'NOT_STARTED' ? (
          <Card title="Start">
            <StartPanel programId={programId} soc2={soc2} canStart={canOperate} />
          </Card>
        ) : null}
        {view.status === 'FINALISED' ? (
          <Card title="Finalised">
            <p>
              The workflow took the assessment on {view.completedOn}; its gaps are remediation tasks now.{' '}
              <Link to={paths.program(programId)}>Open the program to follow them.</Link>
            </p>
          </Card>
        ) : null}
      </div>
      {finalised ? (
        <Card title="Remediation tasks created">
          <Table
            caption="Remediation tasks created"
            hideCaption
            columns={[
              { key: 'title', header: 'Task', cell: (t) => t.title },
              { key: 'owner', header: 'Owner', cell: (t) => t.ownerEmail },
              { key: 'due', header: 'Due', cell: (t) => t.dueDate },
              {
                key: 'links',
                header: 'Also serves',
                cell: (t) => t.links.map((l) => l.to).join(', ') || '—',
              },
            ]}
            rows={finalised.tasks}
            rowKey={(t) => t.id ?? t.title}
          />
        </Card>
      ) : null}
      <Card title={`Heatmap: ${frameworkName(framework)}`}>
        <HeatmapTable
          sections={heatmap(framework, items, view.soc2Categories)}
          caption="What carries over, by area: counts per state, with answers and gaps"
        />
      </Card>
      <Card title="Requirements">
        <div className={styles.toolbar}>
          <SelectField
            label="Show"
            options={Object.entries(filters).map(([value, f]) => ({ value, label: f.label }))}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value as FilterKey)}
          />
          {editable ? (
            <Button
              variant="secondary"
              busy={answer.isPending}
              disabled={unansweredShown.length === 0}
              onClick={acceptShown}
            >
              Accept the suggestion for {unansweredShown.length} unanswered shown
            </Button>
          ) : null}
        </div>
        {answer.isError ? (
          <ErrorSummary title="The answers were not saved" messages={[answer.error.message]} />
        ) : null}
        {shown.length === 0 ? (
          <EmptyState title="No requirement matches this filter" />
        ) : (
          <ol className={styles.items} aria-label="Requirements of the assessment">
            {shown.map((item) => (
              <GapItem
                key={`${item.requirementId}:${item.suggestion.status}`}
                item={item}
                editable={editable}
                onSave={(input) => answer.mutateAsync({ items: [input] })}
              />
            ))}
          </ol>
        )}
      </Card>
      {editable ? (
        <Card title="Finalise">
          <FinaliseForm view={view} programManagerEmail={manager} finalise={finalise} />
        </Card>
      ) : null}
    </>
  );
}
