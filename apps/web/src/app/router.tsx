import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { routePatterns } from '@/config/paths';
import { OrganizationsHomeRoute } from '@/features/organizations';
import { CreateProgramRoute, ProgramDetailRoute } from '@/features/programs';

import { AppLayout } from './layout';
import { RouteError } from './route-error';
import { NotFoundRoute } from './routes/not-found-route';
import { OrganizationProgramsRoute } from './routes/organization-programs-route';

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        {
          // A failing screen is shown inside the layout, so the header and health badge stay put.
          errorElement: <RouteError />,
          children: [
            { path: routePatterns.home, element: <OrganizationsHomeRoute /> },
            { path: routePatterns.organizationPrograms, element: <OrganizationProgramsRoute /> },
            { path: routePatterns.newProgram, element: <CreateProgramRoute /> },
            { path: routePatterns.program, element: <ProgramDetailRoute /> },
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
