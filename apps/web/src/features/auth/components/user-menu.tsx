import { Button } from '@certflow/ui';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import type { Me } from '@/lib/me';

import { useSignOut } from '../api/session';
import styles from './user-menu.module.css';

/** Who is signed in, and the two ways out. */
export function UserMenu({ me }: { me: Me }) {
  const navigate = useNavigate();
  const toSignIn = () => void navigate(paths.signIn(), { replace: true });
  const signOut = useSignOut({ onDone: toSignIn });
  const signOutEverywhere = useSignOut({ everywhere: true, onDone: toSignIn });
  const who = me.user?.name ?? me.user?.email ?? me.apiToken?.name ?? '';
  return (
    <div className={styles.menu} role="group" aria-label="Account">
      <span className={styles.who} title={me.user?.email}>
        {who}
      </span>
      <Button variant="ghost" busy={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </Button>
      <Button variant="ghost" busy={signOutEverywhere.isPending} onClick={() => signOutEverywhere.mutate()}>
        Sign out everywhere
      </Button>
    </div>
  );
}
