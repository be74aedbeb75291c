import { Button, ErrorSummary, TextField } from '@certflow/ui';
import { useState, type FormEvent } from 'react';

import { ApiError } from '@/lib/api-error';
import { apiErrorToFormErrors, noErrors, zodToFormErrors, type FormErrors } from '@/lib/form-errors';

import { useCreateOrganization } from '../api/create-organization';
import type { Organization } from '../api/organization-schema';
import styles from './forms.module.css';
import {
  organizationFieldsByPath,
  organizationFormSchema,
  slugify,
  type OrganizationField,
} from './organization-form-schema';

export interface CreateOrganizationFormProps {
  onCreated: (organization: Organization) => void;
  onCancel?: () => void;
}

export function CreateOrganizationForm({ onCreated, onCancel }: CreateOrganizationFormProps) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  // Follow the name until the user edits the short name themselves.
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<FormErrors<OrganizationField>>(noErrors);
  const mutation = useCreateOrganization({ onSuccess: onCreated });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = organizationFormSchema.safeParse({ name, slug: slugEdited ? slug : slugify(name) });
    if (!parsed.success) {
      setErrors(zodToFormErrors(parsed.error, organizationFieldsByPath));
      return;
    }
    setErrors(noErrors());
    mutation.mutate(parsed.data, {
      onError: (error) => {
        // The only conflict creating an organisation can meet is a short name already in use.
        if (error instanceof ApiError && error.status === 409)
          setErrors({ fields: { slug: error.message }, form: [] });
        else setErrors(apiErrorToFormErrors(error, organizationFieldsByPath));
      },
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Create organisation" className={styles.form}>
      {errors.form.length > 0 ? (
        <ErrorSummary title="The organisation was not created" messages={errors.form} />
      ) : null}
      <TextField
        label="Organisation name"
        name="name"
        autoComplete="organization"
        value={name}
        error={errors.fields.name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <TextField
        label="Short name"
        name="slug"
        hint="Used in links; lowercase letters, digits and hyphens."
        value={slugEdited ? slug : slugify(name)}
        error={errors.fields.slug}
        onChange={(event) => {
          setSlugEdited(true);
          setSlug(event.currentTarget.value);
        }}
      />
      <div className={styles.actions}>
        <Button type="submit" busy={mutation.isPending}>
          {mutation.isPending ? 'Creating…' : 'Create organisation'}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
