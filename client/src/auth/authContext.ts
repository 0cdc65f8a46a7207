import type { Enrolment, LoginChallenge, Me } from '@haven/shared';
import { createContext, useContext } from 'react';

export type AuthState =
  | { status: 'restoring' }
  /**
   * `ended`: a session was open and the server no longer accepts it (expired, revoked);
   * `signedOut`: the user signed out.
   */
  | { status: 'signedOut'; reason: 'none' | 'ended' | 'signedOut' }
  | { status: 'signedIn'; me: Me };

/** A sign-in past its password, waiting for the second factor (or its enrolment). */
export interface PendingSignIn extends LoginChallenge {
  username: string;
}

export interface AuthContextValue {
  state: AuthState;
  pending: PendingSignIn | null;
  /** The recovery codes of an enrolment just completed, until the user has saved them. */
  freshRecoveryCodes: string[] | null;
  beginSignIn(username: string, password: string): Promise<LoginChallenge>;
  completeSignIn(code: string): Promise<Me>;
  enrol(): Promise<Enrolment>;
  activate(code: string): Promise<Me>;
  abandonSignIn(): void;
  forgetRecoveryCodes(): void;
  signOut(): Promise<void>;
  reloadMe(): Promise<Me>;
  changePassword(currentPassword: string, newPassword: string): Promise<Me>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() outside <AuthProvider>');
  return value;
}

/** The signed-in user; only for pages behind `RequireSignedIn`. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe() on a page open to the signed-out');
  return state.me;
}
