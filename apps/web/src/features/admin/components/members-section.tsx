import type { Role } from '@certflow/contracts/access';
import { Button, Card, ErrorSummary, Loading, SelectField, Table, type TableColumn } from '@certflow/ui';
import { useState } from 'react';

import { type Member, useChangeRole, useMembers, useRemoveMember } from '../api/members';
import styles from './admin.module.css';
import { roleLabels, roleOptions } from './roles';

/** Who belongs to the organisation, with their role; admins change roles and remove people. */
export function MembersSection({
  organizationId,
  canManage,
}: {
  organizationId: string;
  canManage: boolean;
}) {
  const members = useMembers(organizationId);
  const changeRole = useChangeRole(organizationId);
  const remove = useRemoveMember(organizationId);
  const [problem, setProblem] = useState<string>();
  const onError = (error: Error) => setProblem(error.message);

  const columns: TableColumn<Member>[] = [
    { key: 'email', header: 'Email', cell: (m) => m.email },
    { key: 'name', header: 'Name', cell: (m) => m.name ?? '—' },
    {
      key: 'role',
      header: 'Role',
      cell: (m) =>
        canManage ? (
          <SelectField
            label={`Role of ${m.email}`}
            className={styles.compact}
            options={roleOptions}
            value={m.role}
            onChange={(event) => {
              setProblem(undefined);
              changeRole.mutate(
                { membershipId: m.membershipId, role: event.currentTarget.value as Role },
                { onError },
              );
            }}
          />
        ) : (
          roleLabels[m.role]
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: <span className="cf-visually-hidden">Actions</span>,
            cell: (m: Member) => (
              <Button
                variant="ghost"
                aria-label={`Remove ${m.email}`}
                onClick={() => {
                  setProblem(undefined);
                  remove.mutate(m.membershipId, { onError });
                }}
              >
                Remove
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title="Members">
      {problem ? <ErrorSummary title="That change was not made" messages={[problem]} /> : null}
      {members.isPending ? (
        <Loading>Loading members…</Loading>
      ) : members.isError ? (
        <ErrorSummary title="Could not load members" messages={[members.error.message]} />
      ) : (
        <Table
          caption="Members"
          hideCaption
          columns={columns}
          rows={members.data}
          rowKey={(m) => m.membershipId}
        />
      )}
    </Card>
  );
}
