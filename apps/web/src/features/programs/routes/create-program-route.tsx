import { Card, PageHeader } from '@certflow/ui';
import { useNavigate, useParams } from 'react-router';

import { paths } from '@/config/paths';

import { CreateProgramForm } from '../components/create-program-form';

export function CreateProgramRoute() {
  const { organizationId = '' } = useParams();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="New program"
        description="Each program runs one certification or attestation timeline as a durable workflow."
      />
      <Card>
        <CreateProgramForm
          organizationId={organizationId}
          onCreated={(program) => void navigate(paths.program(program.id))}
          onCancel={() => void navigate(paths.organizationPrograms(organizationId))}
        />
      </Card>
    </>
  );
}
