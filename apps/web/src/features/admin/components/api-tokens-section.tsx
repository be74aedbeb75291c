import {
  Button,
  Card,
  ErrorSummary,
  SelectField,
  StageBadge,
  Table,
  TextField,
  type TableColumn,
} from '@certflow/ui';
import { useState, type FormEvent } from 'react';

import { apiErrorToFormErrors, noErrors, type FormErrors } from '@/lib/form-errors';

import {
  type ApiToken,
  type ApiTokenRole,
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
} from '../api/api-tokens';
import styles from './admin.module.css';
import { roleLabels, tokenRoleOptions } from './roles';

type Field = 'name' | 'role' | 'expiresAt';
const fieldsByPath: Record<string, Field> = { name: 'name', role: 'role', expiresAt: 'expiresAt' };

/** Tokens for integrations: the secret is shown once, right after creation. */
export function ApiTokensSection({ organizationId }: { organizationId: string }) {
  const tokens = useApiTokens(organizationId);
  const create = useCreateApiToken(organizationId);
  const revoke = useRevokeApiToken(organizationId);
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiTokenRole>('executive');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const [secret, setSecret] = useState<{ name: string; value: string }>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSecret(undefined);
    if (name.trim() === '') {
      setErrors({ fields: { name: 'Name the token after what uses it' }, form: [] });
      return;
    }
    setErrors(noErrors());
    create.mutate(
      {
        name: name.trim(),
        role,
        ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59Z`).toISOString() } : {}),
      },
      {
        onSuccess: (created) => {
          setName('');
          setSecret({ name: created.token.name, value: created.secret });
        },
        onError: (error) => setErrors(apiErrorToFormErrors(error, fieldsByPath)),
      },
    );
  };

  const columns: TableColumn<ApiToken>[] = [
    { key: 'name', header: 'Name', cell: (t) => t.name },
    { key: 'role', header: 'Role', cell: (t) => roleLabels[t.role] },
    { key: 'prefix', header: 'Starts with', cell: (t) => <code>{t.prefix}…</code> },
    {
      key: 'status',
      header: 'Status',
      cell: (t) => <StageBadge tone={t.status === 'active' ? 'done' : 'neutral'} label={t.status} />,
    },
    {
      key: 'used',
      header: 'Last used',
      cell: (t) => (t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'Never'),
    },
    {
      key: 'actions',
      header: <span className="cf-visually-hidden">Actions</span>,
      cell: (t) =>
        t.status === 'active' ? (
          <Button
            variant="ghost"
            onClick={() => revoke.mutate(t.id)}
            aria-label={`Revoke the token ${t.name}`}
          >
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <Card title="API tokens">
      <form noValidate onSubmit={onSubmit} aria-label="Create an API token">
        {errors.form.length > 0 ? <ErrorSummary title="No token was created" messages={errors.form} /> : null}
        <div className={styles.row}>
          <TextField
            label="Token name"
            name="name"
            value={name}
            error={errors.fields.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <SelectField
            label="Acts as"
            name="role"
            options={tokenRoleOptions}
            value={role}
            error={errors.fields.role}
            onChange={(e) => setRole(e.currentTarget.value as ApiTokenRole)}
          />
          <TextField
            label="Expires on (optional)"
            name="expiresOn"
            type="date"
            value={expiresOn}
            error={errors.fields.expiresAt}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
          />
          <Button type="submit" busy={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
      {secret ? (
        <div role="status">
          <p>
            Copy the secret of <strong>{secret.name}</strong> now: it will not be shown again. Send it as{' '}
            <code>Authorization: Bearer …</code>.
          </p>
          <p className={styles.secret} aria-label="New token secret">
            {secret.value}
          </p>
        </div>
      ) : null}
      <Table
        caption="API tokens"
        hideCaption
        columns={columns}
        rows={tokens.data ?? []}
        rowKey={(t) => t.id}
        empty="No tokens yet."
      />
    </Card>
  );
}
