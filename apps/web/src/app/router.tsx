import { useState } from 'react';
import { createBrowserRouter, RouterProvider, useParams } from 'react-router';

import { routePatterns } from '@/config/paths';
import { canIn } from '@/lib/me';
// The layouts show the user menu and the organisation switcher, so these features are in the entry anyway.
import { InvitationRoute, SessionExpiredRoute, SignInRoute } from '@/features/auth';
import {
  NewOrganizationRoute,
  OrganizationHomeRoute,
  OrganizationsHomeRoute,
} from '@/features/organizations';

import { lazyPage } from './lazy-page';
import { PublicLayout, SignedInLayout, useSignedInMe } from './layout';
import { RouteError } from './route-error';

// Every screen is its own chunk, loaded when first opened; the layouts (and what they show) stay in the entry.
const AdminRoute = lazyPage(async () => (await import('@/features/admin')).AdminRoute);
const AuditTrailRoute = lazyPage(async () => (await import('@/features/audit-trail')).AuditTrailRoute);
const GapAssessmentRoute = lazyPage(
  async () => (await import('@/features/gap-assessment')).GapAssessmentRoute,
);
const ImplementationRoute = lazyPage(
  async () => (await import('@/features/implementation')).ImplementationRoute,
);
const OverviewRoute = lazyPage(async () => (await import('@/features/overview')).OverviewRoute);
const CreateProgramRoute = lazyPage(async () => (await import('@/features/programs')).CreateProgramRoute);
const ProgramDetailRoute = lazyPage(async () => (await import('@/features/programs')).ProgramDetailRoute);
const SoaRoute = lazyPage(async () => (await import('@/features/statement-of-applicability')).SoaRoute);
const MyTasksRoute = lazyPage(async () => (await import('@/features/tasks')).MyTasksRoute);
const TaskRoute = lazyPage(async () => (await import('@/features/tasks')).TaskRoute);
const OrganizationProgramsRoute = lazyPage(
  async () => (await import('./routes/organization-programs-route')).OrganizationProgramsRoute,
);
const CostRoute = lazyPage(async () => (await import('@/features/cost')).CostRoute);
const CostCalculatorRoute = lazyPage(
  async () => (await import('@/features/cost-calculator')).CostCalculatorRoute,
);
const ScheduleRoute = lazyPage(async () => (await import('@/features/schedule')).ScheduleRoute);
const NotFoundRoute = lazyPage(async () => (await import('./routes/not-found-route')).NotFoundRoute);

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

function OrganizationCostCalculator() {
  const { organizationId = '' } = useParams();
  const me = useSignedInMe();
  return (
    <CostCalculatorRoute
      createIn={canIn(me, organizationId, 'programs.create') ? organizationId : undefined}
    />
  );
}
function Cost() {
  return <CostRoute me={useSignedInMe()} />;
}
function PublicCostCalculator() {
  return <CostCalculatorRoute publicPage />;
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
        { path: routePatterns.costCalculator, element: <PublicCostCalculator /> },
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
            { path: routePatterns.admin, element: <Admin /> },
            { path: routePatterns.implementation, element: <Implementation /> },
            { path: routePatterns.program, element: <ProgramDetailRoute /> },
            { path: routePatterns.gapAssessment, element: <GapAssessment /> },
            { path: routePatterns.statementOfApplicability, element: <StatementOfApplicability /> },
            { path: routePatterns.task, element: <TaskRoute /> },
            { path: routePatterns.auditTrail, element: <AuditTrailRoute /> },
            { path: routePatterns.schedule, element: <ScheduleRoute /> },
            { path: routePatterns.cost, element: <Cost /> },
            { path: routePatterns.organizationCostCalculator, element: <OrganizationCostCalculator /> },
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
