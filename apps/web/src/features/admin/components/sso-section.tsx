import { Button, Card, ErrorSummary, Loading, TextField } from '@certflow/ui';
import { useEffect, useState, type FormEvent } from 'react';

import { apiErrorToFormErrors, noErrors, type FormErrors } from '@/lib/form-errors';

import { type SecurityEvent, useRemoveSso, useSaveSso, useSecurityEvents, useSsoSettings } from '../api/sso';
import styles from './admin.module.css';

type Field = 'issuer' | 'clientId' | 'clientSecret';
const fieldsByPath: Record<string, Field> = {
  issuer: 'issuer',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
};

/** The organisation's OpenID Connect provider; the client secret can be replaced, never read back. */
export function SsoSection({ organizationId }: { organizationId: string }) {
  const settings = useSsoSettings(organizationId);
  const save = useSaveSso(organizationId);
  const remove = useRemoveSso(organizationId);
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [required, setRequired] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setIssuer(settings.data.issuer ?? '');
    setClientId(settings.data.clientId ?? '');
    setRequired(settings.data.required);
  }, [settings.data]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setErrors(noErrors());
    save.mutate(
      {
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        required,
        ...(clientSecret ? { clientSecret } : {}),
      },
      {
        onSuccess: () => {
          setClientSecret('');
          setSaved(true);
        },
        onError: (error) => setErrors(apiErrorToFormErrors(error, fieldsByPath)),
      },
    );
  };

  if (settings.isPending) return <Loading>Loading single sign-on…</Loading>;
  return (
    <Card title="Single sign-on (OpenID Connect)">
      <p className={styles.muted}>
        Register Certflow at your identity provider with the redirect URI{' '}
        <code>{settings.data?.redirectUri}</code>.
      </p>
      <form noValidate onSubmit={onSubmit} aria-label="Single sign-on settings">
        {errors.form.length > 0 ? (
          <ErrorSummary title="Single sign-on was not saved" messages={errors.form} />
        ) : null}
        <TextField
          label="Issuer URL"
          name="issuer"
          value={issuer}
          error={errors.fields.issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
        />
        <TextField
          label="Client ID"
          name="clientId"
          value={clientId}
          error={errors.fields.clientId}
          onChange={(e) => setClientId(e.currentTarget.value)}
        />
        <TextField
          label="Client secret"
          name="clientSecret"
          type="password"
          autoComplete="off"
          hint={settings.data?.clientSecretSet ? 'A secret is stored; leave empty to keep it.' : undefined}
          value={clientSecret}
          error={errors.fields.clientSecret}
          onChange={(e) => setClientSecret(e.currentTarget.value)}
        />
        <label className={styles.inline}>
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          Require single sign-on for everyone but admins
        </label>
        <div className={styles.row}>
          <Button type="submit" busy={save.isPending}>
            Save single sign-on
          </Button>
          {settings.data?.configured ? (
            <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
              Remove single sign-on
            </Button>
          ) : null}
        </div>
      </form>
      {saved ? <p role="status">Single sign-on saved.</p> : null}
    </Card>
  );
}

/** The latest organisation-level audit events: sign-ins, failures, roles, invitations, tokens, grants. */
export function SecurityEventsSection({ organizationId }: { organizationId: string }) {
  const events = useSecurityEvents(organizationId);
  const rows: SecurityEvent[] = events.data ?? [];
  return (
    <Card title="Security events">
      {events.isError ? (
        <ErrorSummary title="Could not load the events" messages={[events.error.message]} />
      ) : null}
      <ul aria-label="Security events">
        {rows.slice(0, 50).map((event) => (
          <li key={event.id}>
            <time dateTime={event.occurredAt}>{new Date(event.occurredAt).toLocaleString()}</time> ·{' '}
            {event.type} · {event.actor ?? 'unknown'}
          </li>
        ))}
      </ul>
    </Card>
  );
}
