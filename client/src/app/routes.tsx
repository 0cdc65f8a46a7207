import type { RouteObject } from 'react-router';
import { AuthProvider } from '../auth/AuthProvider';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { SetupPage } from '../pages/SetupPage';
import { AppShell } from './AppShell';
import { signedInRoutes, signInRoutes } from './staffRoutes';

export const appRoutes: RouteObject[] = [
  {
    element: (
      <AuthProvider>
        <AppShell />
      </AuthProvider>
    ),
    children: [
      {
        // Inside the shell, so a failing page keeps the header and the language switcher.
        errorElement: <RouteErrorPage />,
        children: [
          signedInRoutes,
          ...signInRoutes,
          { path: 'setup', element: <SetupPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
