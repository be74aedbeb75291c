import { EmptyState, ErrorSummary } from '@certflow/ui';
import { Link, Navigate, useParams } from 'react-router';

import { paths, roleHome } from '@/config/paths';
import { membershipIn, type Me } from '@/lib/me';

/** An organisation's own URL leads to the page for the person's role there. */
export function OrganizationHomeRoute({ me }: { me: Me }) {
  const { organizationId = '' } = useParams();
  const membership = membershipIn(me, organizationId);
  if (!membership) {
    return (
      <EmptyState title="Organisation not found">
        <Link to={paths.home()}>Back to Certflow</Link>
      </EmptyState>
    );
  }
  if (membership.access === 'sso_required') {
    return (
      <ErrorSummary
        title={`${membership.organization.name} requires single sign-on`}
        messages={[`Sign out, then choose “Continue with SSO” and enter ${membership.organization.slug}.`]}
      />
    );
  }
  return <Navigate replace to={roleHome(membership.role, organizationId)} />;
}
