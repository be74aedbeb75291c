import { getFramework } from '@certflow/catalog';
import { Button, CheckboxGroup, ErrorSummary } from '@certflow/ui';
import { useState } from 'react';

import { useStartGapAssessment } from '../api/gap-assessment';

const categories = getFramework('soc2')
  .scopes.filter((s) => !s.alwaysInScope)
  .map((s) => ({ value: s.id, label: s.title }));

/** Starting the draft; a SOC 2 readiness assessment first picks its trust services categories. */
export function StartPanel({
  programId,
  soc2,
  canStart,
}: {
  programId: string;
  soc2: boolean;
  canStart: boolean;
}) {
  const start = useStartGapAssessment(programId);
  const [chosen, setChosen] = useState<string[]>([]);
  if (!canStart) return <p>A program manager starts the assessment.</p>;
  return (
    <div>
      {soc2 ? (
        <CheckboxGroup
          legend="Trust services categories besides security"
          name="soc2Categories"
          options={categories}
          value={chosen}
          onChange={setChosen}
        />
      ) : null}
      {start.isError ? (
        <ErrorSummary title="The assessment was not started" messages={[start.error.message]} />
      ) : null}
      <Button busy={start.isPending} onClick={() => start.mutate(soc2 ? { soc2Categories: chosen } : {})}>
        {soc2 ? 'Start the readiness assessment' : 'Start the gap assessment'}
      </Button>
    </div>
  );
}
