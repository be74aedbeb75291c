import type { ProgramAction, ProgramKind } from '@certflow/contracts/domain';
import { Button, ErrorSummary, TextAreaField } from '@certflow/ui';
import { useMemo, useState, type FormEvent } from 'react';
import type { z } from 'zod';

import { ApiError } from '@/lib/api-error';
import { apiErrorToFormErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/idempotency';

import { type ActionRefusal, refusalOf, useProgramAction } from '../../api/program-actions';
import { actionLabel, fieldLabel } from '../../utils/action-labels';
import styles from '../programs.module.css';
import { fieldsOf, initialValues, toBody, type FormValues } from './fields';
import { type FieldChoices, SchemaFields } from './schema-fields';

interface Props {
  programId: string;
  kind: ProgramKind;
  action: ProgramAction;
  /** The override action of this program kind (to offer when a rule can be set aside). */
  override: ProgramAction | undefined;
  choices: FieldChoices;
}

const issuesToErrors = (issues: readonly { path: PropertyKey[]; message: string }[]) => {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.map(String).join('.')] ??= issue.message;
  return errors;
};

/**
 * One workflow action as a form, built from the action's own schema. A refusal is shown next to the field its rule
 * is about (or above the form); when the rule can be overridden, the override is offered with its justification.
 */
export function ActionForm({ programId, kind, action, override, choices }: Props) {
  const schema = action.bodies[kind] as z.ZodType;
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<ActionRefusal>();
  const [done, setDone] = useState<string>();
  const key = useIdempotencyKey();
  const mutation = useProgramAction(programId);

  const send = (body: object) => {
    setDone(undefined);
    mutation.mutate(
      { name: action.name, body, key: key.key },
      {
        onSuccess: () => {
          key.renew();
          setRefusal(undefined);
          setErrors({});
          setSummary([]);
          setValues(initialValues(fields));
          setDone(`${actionLabel(action.name)}: done.`);
        },
        onError: (error) => {
          const refused = refusalOf(error);
          // A refusal is the answer to this request, so a corrected attempt is a new request with a new key; when
          // the API could not be reached, a second click retries the same request under the same key.
          if (!(error instanceof ApiError) || error.isClientError) key.renew();
          setRefusal(refused);
          if (refused?.field && fields.some((f) => f.name === refused.field)) {
            setErrors({ [refused.field]: refused.message });
            setSummary([]);
            return;
          }
          const mapped = apiErrorToFormErrors(error, Object.fromEntries(fields.map((f) => [f.name, f.name])));
          setErrors(mapped.fields as Record<string, string>);
          setSummary(mapped.form);
        },
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = toBody(fields, values);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      setSummary([]);
      return;
    }
    send(body);
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label={actionLabel(action.name)} className={styles.form}>
      {summary.length > 0 ? (
        <ErrorSummary title={`${actionLabel(action.name)} was refused`} messages={summary} />
      ) : null}
      <SchemaFields fields={fields} values={values} onChange={setValues} errors={errors} choices={choices} />
      <div className={styles.actions}>
        <Button type="submit" busy={mutation.isPending}>
          {actionLabel(action.name)}
        </Button>
      </div>
      {done ? (
        <p role="status" className={styles.done}>
          {done}
        </p>
      ) : null}
      {refusal?.override && override ? (
        <OverrideOffer
          programId={programId}
          kind={kind}
          override={override}
          rule={refusal.override.rule}
          onRecorded={() => send(toBody(fields, values))}
        />
      ) : null}
    </form>
  );
}

/** The certification body (or CPA firm) may set the rule aside; recording that needs a written justification. */
function OverrideOffer({
  programId,
  kind,
  override,
  rule,
  onRecorded,
}: {
  programId: string;
  kind: ProgramKind;
  override: ProgramAction;
  rule: string;
  onRecorded: () => void;
}) {
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string>();
  const key = useIdempotencyKey();
  const mutation = useProgramAction(programId);
  const record = () => {
    const body = { rule, justification };
    const parsed = (override.bodies[kind] as z.ZodType).safeParse(body);
    if (!parsed.success) {
      setError(
        parsed.error.issues.find((i) => i.path[0] === 'justification')?.message ??
          parsed.error.issues[0]?.message,
      );
      return;
    }
    mutation.mutate(
      { name: 'overrideRule', body, key: key.key },
      {
        onSuccess: () => {
          key.renew();
          onRecorded();
        },
        onError: (e) => {
          key.renew();
          setError(e instanceof Error ? e.message : 'The override was not recorded.');
        },
      },
    );
  };
  return (
    <section aria-label="Override" className={styles.override}>
      <p>
        This rule ({rule}) can be set aside by the auditor. Record the override with the justification they
        gave, and the action is sent again.
      </p>
      <TextAreaField
        label={fieldLabel('justification')}
        name="override-justification"
        hint="At least 20 characters; it stays in the audit trail."
        value={justification}
        error={error}
        onChange={(e) => setJustification(e.currentTarget.value)}
      />
      <Button variant="secondary" busy={mutation.isPending} onClick={record}>
        Record the override and retry
      </Button>
    </section>
  );
}
