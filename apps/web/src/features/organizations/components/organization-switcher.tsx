import { SelectField } from '@certflow/ui';
import { Link, useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import type { Me } from '@/lib/me';

import styles from './organization-switcher.module.css';

/** The organisations this person belongs to, and nothing else; choosing one goes to its home for their role. */
export function OrganizationSwitcher({ me, currentId }: { me: Me; currentId: string | undefined }) {
  const navigate = useNavigate();
  const options = me.memberships.map((m) => ({ value: m.organization.id, label: m.organization.name }));
  return (
    <div className={styles.switcher}>
      {options.length > 0 ? (
        <SelectField
          label="Organisation"
          className={styles.select}
          options={options}
          value={currentId ?? ''}
          placeholder={currentId ? undefined : 'Choose…'}
          onChange={(event) => void navigate(paths.organizationHome(event.currentTarget.value))}
        />
      ) : null}
      {me.user ? <Link to={paths.newOrganization()}>New organisation</Link> : null}
    </div>
  );
}
