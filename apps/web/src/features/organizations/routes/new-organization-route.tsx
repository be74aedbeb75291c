import { Card, PageHeader } from '@certflow/ui';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';

import { CreateOrganizationForm } from '../components/create-organization-form';

export function NewOrganizationRoute() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New organisation" description="You become its first admin and can invite people." />
      <Card>
        <CreateOrganizationForm
          onCancel={() => void navigate(-1)}
          onCreated={(organization) => void navigate(paths.organizationHome(organization.id))}
        />
      </Card>
    </>
  );
}
