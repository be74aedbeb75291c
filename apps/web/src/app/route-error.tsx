import { ErrorSummary } from '@certflow/ui';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { paths } from '@/config/paths';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <ErrorSummary title="This page could not be shown" messages={[message]}>
      <p>
        <Link to={paths.home()}>Back to Certflow</Link>
      </p>
    </ErrorSummary>
  );
}
