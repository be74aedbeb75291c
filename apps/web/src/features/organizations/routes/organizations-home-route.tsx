import { Card, ErrorSummary, Loading, PageHeader } from '@certflow/ui';
import { Navigate, useNavigate } from 'react-router';

import { paths } from '@/config/paths';

import { useOrganizations } from '../api/get-organizations';
import { CreateOrganizationForm } from '../components/create-organization-form';

/** The landing page: straight to the first organisation's programs, or set one up if there is none yet. */
export function OrganizationsHomeRoute() {
  const navigate = useNavigate();
  const organizations = useOrganizations();

  if (organizations.isPending) return <Loading>Loading organisations…</Loading>;
  if (organizations.isError) {
    return <ErrorSummary title="Could not load organisations" messages={[organizations.error.message]} />;
  }
  const first = organizations.data[0];
  if (first) return <Navigate replace to={paths.organizationPrograms(first.id)} />;

  return (
    <>
      <PageHeader
        title="Welcome to Certflow"
        description="Start by naming your organisation; its certification programs will live under it."
      />
      <Card title="Create your organisation">
        <CreateOrganizationForm
          onCreated={(organization) => void navigate(paths.organizationPrograms(organization.id))}
        />
      </Card>
    </>
  );
}
