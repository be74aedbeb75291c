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
  type ProgramGrant,
  useCreateGrant,
  useGrantablePrograms,
  useGrants,
  useRevokeGrant,
} from '../api/grants';
import { useMembers } from '../api/members';
import styles from './admin.module.css';

type Field = 'programId' | 'userId' | 'validFrom' | 'validUntil';
const fieldsByPath: Record<string, Field> = {
  programId: 'programId',
  userId: 'userId',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
};

const today = () => new Date().toISOString().slice(0, 10);

/** External auditors read only the programs granted here, only between the grant's dates (UTC days). */
export function GrantsSection({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const grants = useGrants(organizationId);
  const programs = useGrantablePrograms(organizationId);
  const members = useMembers(organizationId);
  const create = useCreateGrant(organizationId);
  const revoke = useRevokeGrant(organizationId);
  const [values, setValues] = useState({ programId: '', userId: '', validFrom: today(), validUntil: '' });
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const set = (field: Field, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const auditors = (members.data ?? []).filter((m) => m.role === 'auditor');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: FormErrors<Field>['fields'] = {};
    if (!values.programId) missing.programId = 'Choose a program';
    if (!values.userId) missing.userId = 'Choose an auditor';
    if (!values.validUntil) missing.validUntil = 'Choose the last day of access';
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, form: [] });
      return;
    }
    setErrors(noErrors());
    create.mutate(values, {
      onSuccess: () => setValues((current) => ({ ...current, validUntil: '' })),
      onError: (error) => setErrors(apiErrorToFormErrors(error, fieldsByPath)),
    });
  };

  const columns: TableColumn<ProgramGrant>[] = [
    { key: 'auditor', header: 'Auditor', cell: (g) => g.user.email },
    { key: 'program', header: 'Program', cell: (g) => g.program.name },
    { key: 'window', header: 'Dates (UTC)', cell: (g) => `${g.validFrom} – ${g.validUntil}` },
    {
      key: 'status',
      header: 'Status',
      cell: (g) => <StageBadge tone={g.status === 'active' ? 'done' : 'neutral'} label={g.status} />,
    },
    {
      key: 'actions',
      header: <span className="cf-visually-hidden">Actions</span>,
      cell: (g) =>
        canManage && g.status !== 'revoked' && g.status !== 'ended' ? (
          <Button
            variant="ghost"
            onClick={() => revoke.mutate(g.id)}
            aria-label={`Revoke ${g.user.email}’s access to ${g.program.name}`}
          >
            Revoke
          </Button>
        ) : null,
    },
  ];

  return (
    <Card title="Auditor access">
      {canManage ? (
        <form noValidate onSubmit={onSubmit} aria-label="Grant an auditor access">
          {errors.form.length > 0 ? (
            <ErrorSummary title="No access was granted" messages={errors.form} />
          ) : null}
          {auditors.length === 0 ? (
            <p className={styles.muted}>
              Invite your certification body’s contact with the Auditor role first.
            </p>
          ) : null}
          <div className={styles.row}>
            <SelectField
              label="Program"
              placeholder="Choose…"
              options={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={values.programId}
              error={errors.fields.programId}
              onChange={(e) => set('programId', e.currentTarget.value)}
            />
            <SelectField
              label="Auditor"
              placeholder="Choose…"
              options={auditors.map((m) => ({ value: m.userId, label: m.email }))}
              value={values.userId}
              error={errors.fields.userId}
              onChange={(e) => set('userId', e.currentTarget.value)}
            />
            <TextField
              label="From"
              type="date"
              value={values.validFrom}
              error={errors.fields.validFrom}
              onChange={(e) => set('validFrom', e.currentTarget.value)}
            />
            <TextField
              label="Until"
              type="date"
              value={values.validUntil}
              error={errors.fields.validUntil}
              onChange={(e) => set('validUntil', e.currentTarget.value)}
            />
            <Button type="submit" busy={create.isPending}>
              Grant access
            </Button>
          </div>
        </form>
      ) : null}
      <Table
        caption="Auditor access"
        hideCaption
        columns={columns}
        rows={grants.data ?? []}
        rowKey={(g) => g.id}
        empty="No auditor has access yet."
      />
    </Card>
  );
}
