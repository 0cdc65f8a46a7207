import { can, type Permission } from '@haven/shared';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingPage } from '../pages/LoadingPage';
import { NotAllowedPage } from '../pages/NotAllowedPage';
import { useAuth } from './authContext';
import { PASSWORD_CHANGE_PATH, SIGN_IN_PATH, type ReturnState } from './returnTo';

/**
 * The console's pages for the signed-in: anyone else goes to the sign-in page, which brings them
 * back here afterwards. A user who must choose a new password goes there first, because the
 * server answers nothing else until they have.
 */
export function RequireSignedIn() {
  const { state } = useAuth();
  const location = useLocation();

  if (state.status === 'restoring') return <LoadingPage />;
  if (state.status === 'signedOut') {
    // After signing out, the next person to sign in starts from the home page.
    const returnState: ReturnState =
      state.reason === 'signedOut'
        ? { signedOut: true }
        : {
            from: { pathname: location.pathname, search: location.search, hash: location.hash },
            ...(state.reason === 'ended' ? { sessionEnded: true } : {}),
          };
    return <Navigate to={SIGN_IN_PATH} replace state={returnState} />;
  }
  if (state.me.passwordChangeRequired && location.pathname !== PASSWORD_CHANGE_PATH) {
    const returnState: ReturnState = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash },
    };
    return <Navigate to={PASSWORD_CHANGE_PATH} replace state={returnState} />;
  }
  return <Outlet />;
}

/**
 * A page only some roles may use. The server refuses the data anyway; this says so plainly
 * rather than showing a page that cannot load.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { state } = useAuth();
  if (state.status !== 'signedIn') return <LoadingPage />;
  return can(state.me.roles, permission) ? children : <NotAllowedPage />;
}
