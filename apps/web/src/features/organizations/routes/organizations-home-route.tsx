import { Card, ErrorSummary, PageHeader } from '@certflow/ui';
import { Navigate, useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import type { Me } from '@/lib/me';

import { CreateOrganizationForm } from '../components/create-organization-form';

/**
 * Where "/" leads a signed-in person: their first organisation they may use now, or setting one up when
 * they belong to none yet.
 */
export function OrganizationsHomeRoute({ me }: { me: Me }) {
  const navigate = useNavigate();
  const usable = me.memberships.find((m) => m.access === 'granted');
  if (usable) return <Navigate replace to={paths.organizationHome(usable.organization.id)} />;
  if (me.memberships.length > 0) {
    return (
      <ErrorSummary
        title="Your organisations require single sign-on"
        messages={me.memberships.map(
          (m) =>
            `${m.organization.name}: sign out, then use “Continue with SSO” with ${m.organization.slug}.`,
        )}
      />
    );
  }
  return (
    <>
      <PageHeader
        title="Welcome to Certflow"
        description="You do not belong to an organisation yet. Ask an admin for an invitation, or create your own."
      />
      <Card title="Create your organisation">
        <CreateOrganizationForm
          onCreated={(organization) => void navigate(paths.organizationHome(organization.id))}
        />
      </Card>
    </>
  );
}
