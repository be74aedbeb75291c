import { buttonClassName, Card, PageHeader } from '@certflow/ui';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

/** A clear stop instead of a page full of errors when the session ended (idle, its time was up, or signed out elsewhere). */
export function SessionExpiredRoute() {
  return (
    <>
      <PageHeader title="Your session has ended" />
      <Card>
        <p>
          For your security, Certflow ends a session after a while without activity, after a fixed number of
          hours, or when you sign out everywhere. Nothing you saved is lost.
        </p>
        <Link className={buttonClassName('primary')} to={paths.signIn()}>
          Sign in again
        </Link>
      </Card>
    </>
  );
}
