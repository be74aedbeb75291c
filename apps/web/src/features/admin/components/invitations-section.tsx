import type { Role } from '@certflow/contracts/access';
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

import { type Invitation, useInvitationAction, useInvitations, useInvite } from '../api/invitations';
import styles from './admin.module.css';
import { roleDescriptions, roleLabels, roleOptions } from './roles';

type Field = 'email' | 'role';
const fieldsByPath: Record<string, Field> = { email: 'email', role: 'role' };

/** Invite people by email with a role; see, resend or revoke what is pending. */
export function InvitationsSection({ organizationId }: { organizationId: string }) {
  const invitations = useInvitations(organizationId);
  const invite = useInvite(organizationId);
  const resend = useInvitationAction(organizationId, 'resend');
  const revoke = useInvitationAction(organizationId, 'revoke');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('control_owner');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const [notice, setNotice] = useState<string>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(undefined);
    if (email.trim() === '') {
      setErrors({ fields: { email: 'Enter the person’s email address' }, form: [] });
      return;
    }
    setErrors(noErrors());
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (created) => {
          setEmail('');
          setNotice(
            created.delivery === 'failed'
              ? `The invitation for ${created.email} is saved, but the mail server refused it: resend it later.`
              : `Invitation sent to ${created.email}.`,
          );
        },
        onError: (error) => setErrors(apiErrorToFormErrors(error, fieldsByPath)),
      },
    );
  };

  const columns: TableColumn<Invitation>[] = [
    { key: 'email', header: 'Email', cell: (i) => i.email },
    { key: 'role', header: 'Role', cell: (i) => roleLabels[i.role] },
    {
      key: 'status',
      header: 'Status',
      cell: (i) => (
        <StageBadge
          tone={i.status === 'pending' ? 'active' : i.status === 'accepted' ? 'done' : 'neutral'}
          label={i.status}
        />
      ),
    },
    { key: 'expires', header: 'Expires', cell: (i) => new Date(i.expiresAt).toLocaleString() },
    {
      key: 'actions',
      header: <span className="cf-visually-hidden">Actions</span>,
      cell: (i) =>
        i.status === 'pending' || i.status === 'expired' ? (
          <span className={styles.inline}>
            <Button
              variant="ghost"
              onClick={() => resend.mutate(i.id)}
              aria-label={`Resend the invitation to ${i.email}`}
            >
              Resend
            </Button>
            <Button
              variant="ghost"
              onClick={() => revoke.mutate(i.id)}
              aria-label={`Revoke the invitation to ${i.email}`}
            >
              Revoke
            </Button>
          </span>
        ) : null,
    },
  ];

  return (
    <Card title="Invitations">
      <form noValidate onSubmit={onSubmit} aria-label="Invite someone">
        {errors.form.length > 0 ? <ErrorSummary title="Nobody was invited" messages={errors.form} /> : null}
        <div className={styles.row}>
          <TextField
            label="Email"
            name="email"
            type="email"
            value={email}
            error={errors.fields.email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <SelectField
            label="Role"
            name="role"
            options={roleOptions}
            value={role}
            hint={roleDescriptions[role]}
            error={errors.fields.role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
          />
          <Button type="submit" busy={invite.isPending}>
            Send invitation
          </Button>
        </div>
      </form>
      {notice ? <p role="status">{notice}</p> : null}
      <Table
        caption="Invitations"
        hideCaption
        columns={columns}
        rows={invitations.data ?? []}
        rowKey={(i) => i.id}
        empty="No invitations yet."
      />
    </Card>
  );
}
