import type { RouteObject } from 'react-router';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { SetupPage } from '../pages/SetupPage';
import { AppShell } from './AppShell';

export const appRoutes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      {
        // Inside the shell, so a failing page keeps the header and the language switcher.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'setup', element: <SetupPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
