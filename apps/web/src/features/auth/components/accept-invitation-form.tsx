import { Button, ErrorSummary, TextField } from '@certflow/ui';
import { useState, type FormEvent } from 'react';

import { apiErrorToFormErrors, noErrors, type FormErrors } from '@/lib/form-errors';
import type { Me } from '@/lib/me';

import { type InvitationPreview, useAcceptInvitation } from '../api/invitation';
import styles from './forms.module.css';

type Field = 'name' | 'password' | 'confirm';
const fieldsByPath: Record<string, Field> = { name: 'name', password: 'password' };
const MIN_LENGTH = 12;

export function AcceptInvitationForm({
  token,
  preview,
  onJoined,
}: {
  token: string;
  preview: InvitationPreview;
  onJoined: (me: Me) => void;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const accept = useAcceptInvitation({ onSuccess: onJoined });
  const newAccount = !preview.accountExists;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (newAccount && password.length < MIN_LENGTH) fields.password = `Use at least ${MIN_LENGTH} characters`;
    if (!newAccount && password === '') fields.password = 'Enter the password of your Certflow account';
    if (newAccount && confirm !== password) fields.confirm = 'The two passwords differ';
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, form: [] });
      return;
    }
    setErrors(noErrors());
    accept.mutate(
      { token, password, ...(newAccount && name.trim() ? { name: name.trim() } : {}) },
      { onError: (error) => setErrors(apiErrorToFormErrors(error, fieldsByPath)) },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Accept the invitation" className={styles.form}>
      {errors.form.length > 0 ? (
        <ErrorSummary title="You have not joined yet" messages={errors.form} />
      ) : null}
      {newAccount ? (
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          value={name}
          error={errors.fields.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
      ) : null}
      <TextField
        label={newAccount ? 'Choose a password' : 'Your Certflow password'}
        name="password"
        type="password"
        autoComplete={newAccount ? 'new-password' : 'current-password'}
        hint={newAccount ? `At least ${MIN_LENGTH} characters; a few words make a good one.` : undefined}
        value={password}
        error={errors.fields.password}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      {newAccount ? (
        <TextField
          label="Repeat the password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          error={errors.fields.confirm}
          onChange={(event) => setConfirm(event.currentTarget.value)}
        />
      ) : null}
      <Button type="submit" busy={accept.isPending}>
        Join {preview.organization.name}
      </Button>
    </form>
  );
}
