import { Card, DetailList, StageBadge, Tag } from '@certflow/ui';

import type { ProgramDetail } from '../api/program-schema';
import {
  formatCalendarDate,
  frameworkLabel,
  humanize,
  milestoneLabel,
  programKindLabels,
  stageLabel,
  stageTone,
} from '../utils/labels';
import styles from './programs.module.css';

/** What a program manager checks first: where the program stands and what is due next. */
export function ProgramOverview({ program, updatedAt }: { program: ProgramDetail; updatedAt: number }) {
  const { state } = program;
  const workflow = state.workflow;
  const stage = state.stage ?? program.stage;
  const milestone = workflow?.nextMilestone ?? null;
  const startDate =
    typeof program.parameters.startDate === 'string' ? program.parameters.startDate : undefined;
  const manager =
    typeof program.parameters.programManagerEmail === 'string'
      ? program.parameters.programManagerEmail
      : undefined;

  return (
    <div className={styles.grid}>
      <Card title="Current stage">
        <DetailList
          items={[
            {
              term: 'Stage',
              detail:
                stage === null ? (
                  <span className={styles.muted}>Waiting for the workflow to start</span>
                ) : (
                  <StageBadge label={stageLabel(stage)} tone={stageTone(stage)} />
                ),
            },
            {
              term: 'Next milestone',
              detail: milestone ? (
                <span className={styles.milestone}>
                  {milestoneLabel(milestone.kind)}: {formatCalendarDate(milestone.due)}
                </span>
              ) : (
                <span className={styles.muted}>None scheduled</span>
              ),
            },
            {
              term: 'Health',
              detail: workflow?.atRisk ? (
                <StageBadge
                  tone="warning"
                  label={`At risk${workflow.atRiskReasons?.length ? `: ${workflow.atRiskReasons.map(humanize).join(', ')}` : ''}`}
                />
              ) : workflow ? (
                <StageBadge tone="done" label="On track" />
              ) : (
                <span className={styles.muted}>Unknown</span>
              ),
            },
            { term: 'Status', detail: humanize(program.status) },
          ]}
        />
        <p className={styles.source} role="status">
          {state.source === 'workflow'
            ? `Live from the workflow · updated ${new Date(updatedAt).toLocaleTimeString()}`
            : `The workflow did not answer, so this is the last recorded stage${state.unavailableReason ? ` (${state.unavailableReason})` : ''}.`}
        </p>
      </Card>
      <Card title="Program">
        <DetailList
          items={[
            { term: 'Kind', detail: programKindLabels[program.kind] },
            {
              term: 'Frameworks',
              detail: (
                <span className={styles.tags}>
                  {program.frameworks.map((f) => (
                    <Tag key={f}>{frameworkLabel(f)}</Tag>
                  ))}
                </span>
              ),
            },
            { term: 'Start date', detail: startDate ? formatCalendarDate(startDate) : '—' },
            { term: 'Program manager', detail: manager ?? '—' },
          ]}
        />
      </Card>
    </div>
  );
}
