import { type ProgramActionName, programActions } from '@certflow/contracts/domain';
import { Card, EmptyState, SelectField } from '@certflow/ui';
import { useState } from 'react';

import { canIn, type Me } from '@/lib/me';

import type { ProgramDetail } from '../api/program-schema';
import { actionLabel } from '../utils/action-labels';
import { formatCalendarDate } from '../utils/labels';
import { openFindings, openTasks } from '../utils/open-work';
import { ActionForm } from './action-form/action-form';
import type { FieldChoices } from './action-form/schema-fields';

/**
 * Every action the program's workflow accepts and the person may take, each as a form built from its schema. The
 * list comes from `programActions` (contracts) filtered by the program's kind and the shared permission table.
 */
export function ActionPanel({ program, me }: { program: ProgramDetail; me: Me | undefined }) {
  const actions = programActions.filter(
    (a) => a.bodies[program.kind] !== undefined && canIn(me, program.organizationId, a.permission),
  );
  const [chosen, setChosen] = useState<ProgramActionName | ''>('');
  if (actions.length === 0) return null;
  const action = actions.find((a) => a.name === chosen);
  const workflow = program.state.workflow;
  const findings = openFindings(workflow);
  const choices: FieldChoices = {
    taskId: openTasks(workflow).map((t) => ({
      value: t.id,
      label: `${t.title} (${t.ownerEmail}, due ${formatCalendarDate(t.dueDate)})`,
    })),
    findingId: findings.map((f) => ({
      value: f.id,
      label: `${f.severity ?? 'Exception'}: ${f.description}`,
    })),
    verifiedFindingIds: findings.map((f) => ({
      value: f.id,
      label: `${f.severity ?? 'Exception'}: ${f.description}`,
    })),
  };
  return (
    <Card title="Actions">
      {program.state.source !== 'workflow' ? (
        <EmptyState title="The workflow is not answering right now">
          Actions are sent to the program’s workflow; they will be available again once a worker answers.
        </EmptyState>
      ) : (
        <>
          <SelectField
            label="Action"
            name="action"
            options={actions.map((a) => ({ value: a.name, label: actionLabel(a.name) }))}
            placeholder="Choose an action…"
            value={chosen}
            onChange={(e) => setChosen(e.currentTarget.value as ProgramActionName | '')}
          />
          {action ? (
            <ActionForm
              key={action.name}
              programId={program.id}
              kind={program.kind}
              action={action}
              override={actions.find((a) => a.name === 'overrideRule')}
              choices={choices}
            />
          ) : null}
        </>
      )}
    </Card>
  );
}
