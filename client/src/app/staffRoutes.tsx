import type { RouteObject } from 'react-router';
import { RequirePermission, RequireSignedIn } from '../auth/guards';
import {
  ENROL_PATH,
  NEW_RECOVERY_CODES_PATH,
  PASSWORD_CHANGE_PATH,
  RECOVERY_CODE_SIGN_IN_PATH,
  SECOND_FACTOR_PATH,
  SIGN_IN_PATH,
} from '../auth/returnTo';
import { AccountPage } from '../pages/account/AccountPage';
import { ChangePasswordPage } from '../pages/account/ChangePasswordPage';
import { SettingsPage } from '../pages/admin/SettingsPage';
import { UsersPage } from '../pages/admin/UsersPage';
import { AuditLogPage } from '../pages/audit/AuditLogPage';
import { CasePage } from '../pages/cases/CasePage';
import { CaseQueuePage } from '../pages/cases/CaseQueuePage';
import { HomePage } from '../pages/HomePage';
import { EnrolPage } from '../pages/signIn/EnrolPage';
import { NewRecoveryCodesPage } from '../pages/signIn/NewRecoveryCodesPage';
import { SecondFactorPage } from '../pages/signIn/SecondFactorPage';
import { SignInPage } from '../pages/signIn/SignInPage';
import { StatsPage } from '../pages/stats/StatsPage';
import '../staff.css';

const relative = (path: string) => path.replace(/^\//, '');

/** The steps of signing in, open to everyone. */
export const signInRoutes: RouteObject[] = [
  { path: relative(SIGN_IN_PATH), element: <SignInPage /> },
  { path: relative(SECOND_FACTOR_PATH), element: <SecondFactorPage key="code" mode="code" /> },
  {
    path: relative(RECOVERY_CODE_SIGN_IN_PATH),
    element: <SecondFactorPage key="recovery" mode="recovery" />,
  },
  { path: relative(ENROL_PATH), element: <EnrolPage /> },
  { path: relative(NEW_RECOVERY_CODES_PATH), element: <NewRecoveryCodesPage /> },
];

/** Everything else of the console: signed-in staff only, some pages for some roles only. */
export const signedInRoutes: RouteObject = {
  element: <RequireSignedIn />,
  children: [
    { index: true, element: <HomePage /> },
    { path: relative(PASSWORD_CHANGE_PATH), element: <ChangePasswordPage /> },
    { path: 'account', element: <AccountPage /> },
    {
      path: 'cases',
      element: (
        <RequirePermission permission="case.read">
          <CaseQueuePage />
        </RequirePermission>
      ),
    },
    {
      path: 'cases/:id',
      element: (
        <RequirePermission permission="case.read">
          <CasePage />
        </RequirePermission>
      ),
    },
    {
      path: 'admin/users',
      element: (
        <RequirePermission permission="users.manage">
          <UsersPage />
        </RequirePermission>
      ),
    },
    {
      path: 'admin/settings',
      element: (
        <RequirePermission permission="settings.manage">
          <SettingsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'stats',
      element: (
        <RequirePermission permission="stats.read">
          <StatsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'audit',
      element: (
        <RequirePermission permission="audit.read">
          <AuditLogPage />
        </RequirePermission>
      ),
    },
  ],
};
