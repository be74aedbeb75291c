import { Button, Card, SelectField } from '@certflow/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';

import { useOrganizations } from '../api/get-organizations';
import { CreateOrganizationForm } from './create-organization-form';
import styles from './organization-switcher.module.css';

/** Choose whose programs to look at, or add another organisation without leaving the page. */
export function OrganizationSwitcher({ currentId }: { currentId: string }) {
  const navigate = useNavigate();
  const organizations = useOrganizations();
  const [creating, setCreating] = useState(false);
  const options = (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <div className={styles.switcher}>
      <div className={styles.row}>
        <SelectField
          label="Organisation"
          className={styles.select}
          options={options}
          value={currentId}
          disabled={!organizations.data}
          onChange={(event) => void navigate(paths.organizationPrograms(event.currentTarget.value))}
        />
        {creating ? null : (
          <Button variant="secondary" onClick={() => setCreating(true)}>
            New organisation
          </Button>
        )}
      </div>
      {creating ? (
        <Card title="New organisation">
          <CreateOrganizationForm
            onCancel={() => setCreating(false)}
            onCreated={(organization) => {
              setCreating(false);
              void navigate(paths.organizationPrograms(organization.id));
            }}
          />
        </Card>
      ) : null}
    </div>
  );
}
