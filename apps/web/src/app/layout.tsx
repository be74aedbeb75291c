import { ErrorSummary, Loading } from '@certflow/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, type ReactNode } from 'react';
import {
  Link,
  Navigate,
  NavLink,
  Outlet,
  useLocation,
  useNavigate,
  useOutletContext,
  useParams,
} from 'react-router';

import { paths } from '@/config/paths';
import { UserMenu } from '@/features/auth';
import { HealthBadge } from '@/features/health';
import { OrganizationSwitcher } from '@/features/organizations';
import { useLiveUpdates } from '@/lib/live-updates';
import { canIn, type Me, useMe } from '@/lib/me';
import { type SignedOutReason, signedOutReason, useSignedOutListener } from '@/lib/session-events';

import styles from './layout.module.css';

const LAST_ORGANIZATION = 'certflow.lastOrganization';

function Brand() {
  return (
    <Link to={paths.home()} className={styles.brand}>
      <span className={styles.logo} aria-hidden="true">
        ◆
      </span>
      Certflow
    </Link>
  );
}

/** Pages anyone may open: sign-in, the session-ended page, an invitation link. */
export function PublicLayout() {
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <div className={styles.left}>
          <Brand />
          <nav aria-label="Public" className={styles.nav}>
            <NavLink
              to={paths.costCalculator()}
              className={({ isActive }) => (isActive ? styles.active : undefined)}
            >
              Cost calculator
            </NavLink>
          </nav>
        </div>
        <HealthBadge />
      </header>
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}

function Navigation({ me, organizationId }: { me: Me; organizationId: string | undefined }) {
  if (!organizationId) return null;
  const links: { to: string; label: string; show: boolean }[] = [
    {
      to: paths.organizationPrograms(organizationId),
      label: 'Programs',
      show: canIn(me, organizationId, 'programs.read'),
    },
    {
      to: paths.myTasks(organizationId),
      label: 'My tasks',
      show: canIn(me, organizationId, 'tasks.mine') && me.user !== null,
    },
    {
      to: paths.implementation(organizationId),
      label: 'Implementation',
      show: canIn(me, organizationId, 'implementation.read'),
    },
    {
      to: paths.overview(organizationId),
      label: 'Overview',
      show: canIn(me, organizationId, 'overview.read'),
    },
    {
      to: paths.schedule(organizationId),
      label: 'Schedule',
      show: canIn(me, organizationId, 'schedule.read'),
    },
    {
      to: paths.cost(organizationId),
      label: 'Cost',
      show: canIn(me, organizationId, 'cost.read'),
    },
    {
      to: paths.organizationCostCalculator(organizationId),
      label: 'Calculator',
      show: canIn(me, organizationId, 'cost.read'),
    },
    {
      to: paths.auditTrail(organizationId),
      label: 'Audit trail',
      show: canIn(me, organizationId, 'audit-trail.read'),
    },
    {
      to: paths.admin(organizationId),
      label: 'People and access',
      show: canIn(me, organizationId, 'members.read'),
    },
  ];
  return (
    <nav aria-label="Main" className={styles.nav}>
      {links
        .filter((link) => link.show)
        .map((link) => (
          <NavLink
            key={link.to}
            to={link.to}
            className={({ isActive }) => (isActive ? styles.active : undefined)}
          >
            {link.label}
          </NavLink>
        ))}
    </nav>
  );
}

/** Every signed-in page: who is signed in, their organisations, what they may open there. */
export function SignedInLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { organizationId: routeOrganization } = useParams();
  const organizationId = routeOrganization ?? sessionStorage.getItem(LAST_ORGANIZATION) ?? undefined;

  useEffect(() => {
    if (routeOrganization) sessionStorage.setItem(LAST_ORGANIZATION, routeOrganization);
  }, [routeOrganization]);

  const leave = useCallback(
    (reason: SignedOutReason) => {
      queryClient.clear();
      void navigate(reason === 'session_expired' ? paths.sessionExpired() : paths.signIn(location.pathname), {
        replace: true,
      });
    },
    [navigate, location.pathname, queryClient],
  );
  useSignedOutListener(leave);
  // Live updates for the organisation on screen, once we know the person belongs to it.
  const member = me.data?.memberships.some((m) => m.organization.id === organizationId) ?? false;
  useLiveUpdates(member ? organizationId : undefined);

  let content: ReactNode;
  if (me.isPending) content = <Loading>Loading Certflow…</Loading>;
  else if (me.isError) {
    const reason = signedOutReason(me.error);
    if (reason === 'session_expired') return <Navigate replace to={paths.sessionExpired()} />;
    if (reason) return <Navigate replace to={paths.signIn(location.pathname)} />;
    content = <ErrorSummary title="Certflow could not load your account" messages={[me.error.message]} />;
  } else content = <Outlet context={me.data} />;

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <div className={styles.left}>
          <Brand />
          {me.data ? <OrganizationSwitcher me={me.data} currentId={organizationId} /> : null}
          {me.data ? <Navigation me={me.data} organizationId={organizationId} /> : null}
        </div>
        <div className={styles.right}>
          <HealthBadge />
          {me.data ? <UserMenu me={me.data} /> : null}
        </div>
      </header>
      <main className={styles.main}>{content}</main>
    </div>
  );
}

/** The signed-in person, for the routes under SignedInLayout. */
export function useSignedInMe(): Me {
  return useOutletContext<Me>();
}
