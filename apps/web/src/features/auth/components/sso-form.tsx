import { Button, ErrorSummary, TextField } from '@certflow/ui';
import { useState, type FormEvent } from 'react';

import { apiErrorToFormErrors, noErrors, type FormErrors } from '@/lib/form-errors';

import { useStartSso } from '../api/session';
import styles from './forms.module.css';

type Field = 'organization';
const fieldsByPath: Record<string, Field> = { organization: 'organization', returnTo: 'organization' };

/** "Continue with SSO": the organisation's short name leads to its identity provider. */
export function SsoForm({ returnTo }: { returnTo?: string | undefined }) {
  const [organization, setOrganization] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const start = useStartSso();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (organization.trim() === '') {
      setErrors({ fields: { organization: 'Enter your organisation’s short name' }, form: [] });
      return;
    }
    setErrors(noErrors());
    start.mutate(
      { organization: organization.trim(), ...(returnTo ? { returnTo } : {}) },
      { onError: (error) => setErrors(apiErrorToFormErrors(error, fieldsByPath)) },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Single sign-on" className={styles.form}>
      {errors.form.length > 0 ? (
        <ErrorSummary title="Single sign-on did not start" messages={errors.form} />
      ) : null}
      <TextField
        label="Organisation short name"
        name="organization"
        hint="The short name in your organisation’s Certflow links, e.g. acme-corp."
        value={organization}
        error={errors.fields.organization}
        onChange={(event) => setOrganization(event.currentTarget.value)}
      />
      <Button type="submit" variant="secondary" busy={start.isPending || start.isSuccess}>
        Continue with SSO
      </Button>
    </form>
  );
}
