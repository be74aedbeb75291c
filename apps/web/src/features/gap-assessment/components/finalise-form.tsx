import { Button, ErrorSummary, TextField } from '@certflow/ui';
import { type FormEvent, useState } from 'react';

import { apiErrorToFormErrors, type FormErrors, noErrors } from '@/lib/form-errors';
import { todayUtc } from '@/lib/implementation';

import type { GapAssessmentView, useFinaliseGapAssessment } from '../api/gap-assessment';

type Field = 'completedOn' | 'defaultOwnerEmail' | 'defaultDueDate' | 'firstPeriodStart';
const fieldsByPath: Record<string, Field> = {
  completedOn: 'completedOn',
  defaultOwnerEmail: 'defaultOwnerEmail',
  defaultDueDate: 'defaultDueDate',
  firstPeriodStart: 'firstPeriodStart',
};

export interface FinaliseFormProps {
  view: GapAssessmentView;
  programManagerEmail: string | undefined;
  /** Owned by the page, which keeps showing the result once this form is gone. */
  finalise: ReturnType<typeof useFinaliseGapAssessment>;
}

/** The last step: when it finished, who owns the tasks that name no owner, and when they are due. */
export function FinaliseForm({ view, programManagerEmail, finalise }: FinaliseFormProps) {
  const [values, setValues] = useState({
    completedOn: todayUtc(),
    defaultOwnerEmail: '',
    defaultDueDate: '',
    firstPeriodStart: '',
  });
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const soc2 = view.update === 'completeReadinessAssessment';
  const counts = Object.values(view.summary);
  const unanswered = counts.reduce((n, c) => n + c.total - c.answered, 0);
  const gaps = counts.reduce((n, c) => n + c.gaps, 0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(noErrors());
    const given = (value: string) => (value.trim() === '' ? undefined : value.trim());
    finalise.mutate(
      {
        ...(given(values.completedOn) && { completedOn: given(values.completedOn) }),
        ...(given(values.defaultOwnerEmail) && { defaultOwnerEmail: given(values.defaultOwnerEmail) }),
        ...(given(values.defaultDueDate) && { defaultDueDate: given(values.defaultDueDate) }),
        ...(soc2 && given(values.firstPeriodStart) && { firstPeriodStart: given(values.firstPeriodStart) }),
      },
      { onError: (error) => setErrors(apiErrorToFormErrors(error, fieldsByPath)) },
    );
  };
  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((v) => ({ ...v, [field]: value }));
  };

  return (
    <form noValidate aria-label="Finalise the assessment" onSubmit={onSubmit}>
      {errors.form.length > 0 ? (
        <ErrorSummary title="The workflow did not accept the assessment" messages={errors.form} />
      ) : null}
      <p>
        {unanswered > 0
          ? `${unanswered} requirement${unanswered === 1 ? '' : 's'} still need an answer.`
          : 'Every requirement is answered.'}{' '}
        {gaps} gap{gaps === 1 ? '' : 's'} will become remediation tasks.
      </p>
      <TextField
        label="Completed on"
        type="date"
        value={values.completedOn}
        error={errors.fields.completedOn}
        onChange={set('completedOn')}
      />
      <TextField
        label="Owner of tasks without one"
        type="email"
        hint={`Left empty: the program manager${programManagerEmail ? ` (${programManagerEmail})` : ''}.`}
        value={values.defaultOwnerEmail}
        error={errors.fields.defaultOwnerEmail}
        onChange={set('defaultOwnerEmail')}
      />
      <TextField
        label="Due date of tasks without one"
        type="date"
        hint="Left empty: 90 days after completion."
        value={values.defaultDueDate}
        error={errors.fields.defaultDueDate}
        onChange={set('defaultDueDate')}
      />
      {soc2 ? (
        <TextField
          label="First observation period starts"
          type="date"
          hint="Needed unless the program already has a first period."
          value={values.firstPeriodStart}
          error={errors.fields.firstPeriodStart}
          onChange={set('firstPeriodStart')}
        />
      ) : null}
      <Button type="submit" busy={finalise.isPending}>
        {finalise.isPending ? 'Finalising…' : `Finalise and create ${gaps} task${gaps === 1 ? '' : 's'}`}
      </Button>
    </form>
  );
}
