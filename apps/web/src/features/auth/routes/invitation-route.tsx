import { Card, DetailList, ErrorSummary, Loading, PageHeader } from '@certflow/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-error';

import { useInvitationPreview } from '../api/invitation';
import { AcceptInvitationForm } from '../components/accept-invitation-form';

const roleNames: Record<string, string> = {
  admin: 'Admin',
  program_manager: 'Program manager',
  control_owner: 'Control owner',
  executive: 'Executive (read-only)',
  auditor: 'Auditor',
};

/** The invitation link's page; the token travels in the URL fragment, which no server ever sees. */
export function InvitationRoute() {
  const navigate = useNavigate();
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const preview = useInvitationPreview(token);

  if (token === '') {
    return (
      <ErrorSummary
        title="This invitation link is incomplete"
        messages={['Open the whole link from the email.']}
      />
    );
  }
  if (preview.isPending) return <Loading>Checking the invitation…</Loading>;
  if (preview.isError) {
    const reason = preview.error instanceof ApiError ? preview.error.issues[0]?.message : undefined;
    return (
      <ErrorSummary title="This invitation cannot be used" messages={[reason ?? preview.error.message]} />
    );
  }
  const { data } = preview;
  return (
    <>
      <PageHeader title={`Join ${data.organization.name} on Certflow`} />
      <Card>
        <DetailList
          items={[
            { term: 'Email', detail: data.email },
            { term: 'Role', detail: roleNames[data.role] ?? data.role },
            { term: 'Link valid until', detail: new Date(data.expiresAt).toLocaleString() },
          ]}
        />
        <AcceptInvitationForm
          token={token}
          preview={data}
          onJoined={() => void navigate(paths.home(), { replace: true })}
        />
      </Card>
    </>
  );
}
