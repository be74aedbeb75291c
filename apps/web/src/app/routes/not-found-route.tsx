import { EmptyState } from '@certflow/ui';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <EmptyState title="Page not found">
      <Link to={paths.home()}>Back to Certflow</Link>
    </EmptyState>
  );
}
