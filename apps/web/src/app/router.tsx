import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { routePatterns } from '@/config/paths';
import { AdminRoute } from '@/features/admin';
import { AuditTrailRoute } from '@/features/audit-trail';
import { InvitationRoute, SessionExpiredRoute, SignInRoute } from '@/features/auth';
import { GapAssessmentRoute } from '@/features/gap-assessment';
import { ImplementationRoute } from '@/features/implementation';
import {
  NewOrganizationRoute,
  OrganizationHomeRoute,
  OrganizationsHomeRoute,
} from '@/features/organizations';
import { OverviewRoute } from '@/features/overview';
import { CreateProgramRoute, ProgramDetailRoute } from '@/features/programs';
import { loadScheduleRoute } from '@/features/schedule';
import { SoaRoute } from '@/features/statement-of-applicability';
import { MyTasksRoute, TaskRoute } from '@/features/tasks';

import { PublicLayout, SignedInLayout, useSignedInMe } from './layout';
import { RouteError } from './route-error';
import { NotFoundRoute } from './routes/not-found-route';
import { OrganizationProgramsRoute } from './routes/organization-programs-route';

// Routes that need the signed-in person get it from the layout rather than fetching it again.
function Home() {
  return <OrganizationsHomeRoute me={useSignedInMe()} />;
}
function OrganizationHome() {
  return <OrganizationHomeRoute me={useSignedInMe()} />;
}
function Programs() {
  return <OrganizationProgramsRoute me={useSignedInMe()} />;
}
function MyTasks() {
  return <MyTasksRoute email={useSignedInMe().user?.email ?? ''} />;
}
function Admin() {
  return <AdminRoute me={useSignedInMe()} />;
}
function Implementation() {
  return <ImplementationRoute me={useSignedInMe()} />;
}
function GapAssessment() {
  return <GapAssessmentRoute me={useSignedInMe()} />;
}
function StatementOfApplicability() {
  return <SoaRoute me={useSignedInMe()} />;
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <PublicLayout />,
      errorElement: <RouteError />,
      children: [
        { path: routePatterns.signIn, element: <SignInRoute /> },
        { path: routePatterns.sessionExpired, element: <SessionExpiredRoute /> },
        { path: routePatterns.invitation, element: <InvitationRoute /> },
      ],
    },
    {
      element: <SignedInLayout />,
      errorElement: <RouteError />,
      children: [
        {
          // A failing screen is shown inside the layout, so the header and health badge stay put.
          errorElement: <RouteError />,
          children: [
            { path: routePatterns.home, element: <Home /> },
            { path: routePatterns.newOrganization, element: <NewOrganizationRoute /> },
            { path: routePatterns.organizationHome, element: <OrganizationHome /> },
            { path: routePatterns.organizationPrograms, element: <Programs /> },
            { path: routePatterns.newProgram, element: <CreateProgramRoute /> },
            { path: routePatterns.myTasks, element: <MyTasks /> },
            { path: routePatterns.overview, element: <OverviewRoute /> },
            {
              path: routePatterns.schedule,
              lazy: async () => ({ Component: (await loadScheduleRoute()).ScheduleRoute }),
            },
            { path: routePatterns.admin, element: <Admin /> },
            { path: routePatterns.implementation, element: <Implementation /> },
            { path: routePatterns.program, element: <ProgramDetailRoute /> },
            { path: routePatterns.gapAssessment, element: <GapAssessment /> },
            { path: routePatterns.statementOfApplicability, element: <StatementOfApplicability /> },
            { path: routePatterns.task, element: <TaskRoute /> },
            { path: routePatterns.auditTrail, element: <AuditTrailRoute /> },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ]);
}

export function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
