import { PageHeader } from '@certflow/ui';
import { useParams } from 'react-router';

import { canIn, type Me } from '@/lib/me';

import { ApiTokensSection } from '../components/api-tokens-section';
import { GrantsSection } from '../components/grants-section';
import { InvitationsSection } from '../components/invitations-section';
import { MembersSection } from '../components/members-section';
import { SecurityEventsSection, SsoSection } from '../components/sso-section';
import styles from '../components/admin.module.css';

/** People and access: each section shows only when the shared access table allows it. */
export function AdminRoute({ me }: { me: Me }) {
  const { organizationId = '' } = useParams();
  const can = (permission: Parameters<typeof canIn>[2]) => canIn(me, organizationId, permission);
  return (
    <>
      <PageHeader
        title="People and access"
        description="Members and roles, invitations, API tokens, auditor access and single sign-on."
      />
      <div className={styles.sections}>
        {can('members.read') ? (
          <MembersSection organizationId={organizationId} canManage={can('members.manage')} />
        ) : null}
        {can('invitations.manage') ? <InvitationsSection organizationId={organizationId} /> : null}
        {can('grants.read') ? (
          <GrantsSection organizationId={organizationId} canManage={can('grants.manage')} />
        ) : null}
        {can('api-tokens.manage') ? <ApiTokensSection organizationId={organizationId} /> : null}
        {can('sso.manage') ? <SsoSection organizationId={organizationId} /> : null}
        {can('security-events.read') ? <SecurityEventsSection organizationId={organizationId} /> : null}
      </div>
    </>
  );
}
