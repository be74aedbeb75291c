import { Card, ErrorSummary, PageHeader } from '@certflow/ui';
import { useNavigate, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';

import { SignInForm } from '../components/sign-in-form';
import { SsoForm } from '../components/sso-form';
import styles from '../components/forms.module.css';

const ssoErrors: Record<string, string> = {
  expired: 'The single sign-on took too long or was started in another browser. Please try again.',
  unavailable: 'Single sign-on is no longer set up for this organisation.',
  'provider-error': 'Your identity provider did not complete the sign-in. Please try again.',
  'email-not-verified':
    'Your identity provider has not verified your email address, so Certflow cannot use it.',
  'no-account':
    'Your identity provider signed you in, but this organisation has no account for you. Ask an admin to invite you.',
};

/** Where a `next` parameter may lead: only a path inside this app. */
export function safeNext(next: string | null): string {
  return next && /^\/(?![/\\])/.test(next) ? next : paths.home();
}

export function SignInRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const ssoError = params.get('sso_error');

  return (
    <>
      <PageHeader
        title="Sign in to Certflow"
        description="Certification programs, audits and evidence in one place."
      />
      {ssoError ? (
        <ErrorSummary
          title="Single sign-on failed"
          messages={[ssoErrors[ssoError] ?? 'Single sign-on did not complete. Please try again.']}
        />
      ) : null}
      <div className={styles.columns}>
        <Card title="Email and password">
          <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
        </Card>
        <Card title="Single sign-on">
          <SsoForm returnTo={next === paths.home() ? undefined : next} />
        </Card>
      </div>
    </>
  );
}
