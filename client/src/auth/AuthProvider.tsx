import type { Enrolment, LoginChallenge, Me } from '@haven/shared';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clearSession, onSessionEnded, refreshSession } from '../api/client';
import * as identity from '../api/identity';
import {
  AuthContext,
  type AuthContextValue,
  type AuthState,
  type PendingSignIn,
} from './authContext';

/**
 * Holds who is signed in, for the whole console. On load it tries the refresh cookie, so a reload
 * keeps the session without any token being stored in the page. The steps of a sign-in in
 * progress (the challenge after the password, the recovery codes after enrolment) stay in memory
 * here and nowhere else: a reload forgets them, which is the safe way to fail.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'restoring' });
  const [pending, setPending] = useState<PendingSignIn | null>(null);
  const [freshRecoveryCodes, setFreshRecoveryCodes] = useState<string[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    const settle = (next: AuthState) => {
      if (!cancelled) setState(next);
    };
    refreshSession()
      .then(async (restored) => settle(restored ? signedIn(await identity.fetchMe()) : signedOut()))
      .catch(() => settle(signedOut()));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onSessionEnded(() => {
        clearSession();
        setState((current) =>
          current.status === 'signedIn' ? { status: 'signedOut', reason: 'ended' } : current,
        );
      }),
    [],
  );

  const reloadMe = useCallback(async () => {
    const me = await identity.fetchMe();
    setState(signedIn(me));
    return me;
  }, []);

  const beginSignIn = useCallback(async (username: string, password: string) => {
    const challenge: LoginChallenge = await identity.logIn({ username, password });
    setPending({ ...challenge, username });
    return challenge;
  }, []);

  const completeSignIn = useCallback(
    async (code: string) => {
      if (!pending) throw new Error('No sign-in is in progress');
      await identity.passSecondFactor(pending.challenge, code);
      setPending(null);
      return reloadMe();
    },
    [pending, reloadMe],
  );

  const enrol = useCallback((): Promise<Enrolment> => {
    if (!pending) return Promise.reject(new Error('No sign-in is in progress'));
    return identity.startEnrolment(pending.challenge);
  }, [pending]);

  const activate = useCallback(
    async (code: string) => {
      if (!pending) throw new Error('No sign-in is in progress');
      const codes = await identity.activateEnrolment(pending.challenge, code);
      setFreshRecoveryCodes(codes);
      setPending(null);
      return reloadMe();
    },
    [pending, reloadMe],
  );

  const signOut = useCallback(async () => {
    try {
      await identity.logOut();
    } finally {
      setPending(null);
      setFreshRecoveryCodes(null);
      setState({ status: 'signedOut', reason: 'signedOut' });
    }
  }, []);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      await identity.changePassword(currentPassword, newPassword);
      return reloadMe();
    },
    [reloadMe],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      pending,
      freshRecoveryCodes,
      beginSignIn,
      completeSignIn,
      enrol,
      activate,
      abandonSignIn: () => setPending(null),
      forgetRecoveryCodes: () => setFreshRecoveryCodes(null),
      signOut,
      reloadMe,
      changePassword,
    }),
    [
      state,
      pending,
      freshRecoveryCodes,
      beginSignIn,
      completeSignIn,
      enrol,
      activate,
      signOut,
      reloadMe,
      changePassword,
    ],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

const signedIn = (me: Me): AuthState => ({ status: 'signedIn', me });
const signedOut = (): AuthState => ({ status: 'signedOut', reason: 'none' });
