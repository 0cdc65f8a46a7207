import type { Location } from 'react-router';

export const SIGN_IN_PATH = '/sign-in';
export const SECOND_FACTOR_PATH = '/sign-in/code';
export const RECOVERY_CODE_SIGN_IN_PATH = '/sign-in/recovery-code';
export const ENROL_PATH = '/sign-in/authenticator';
export const NEW_RECOVERY_CODES_PATH = '/sign-in/recovery-codes';
export const PASSWORD_CHANGE_PATH = '/change-password';

/** What the sign-in pages carry in the history state: where to go back to afterwards. */
export interface ReturnState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
  /** The user was signed in and the session ended (expired, revoked elsewhere). */
  sessionEnded?: boolean;
  /** The username to fill in, after the first admin was created. */
  username?: string;
  /** The user has just signed out. */
  signedOut?: boolean;
}

/** Reads the state a guard or a sign-in step left, whatever the history entry holds. */
export function readReturnState(state: unknown): ReturnState {
  if (typeof state !== 'object' || state === null) return {};
  const candidate = state as ReturnState;
  return {
    ...(isLocation(candidate.from) ? { from: candidate.from } : {}),
    ...(candidate.sessionEnded === true ? { sessionEnded: true } : {}),
    ...(typeof candidate.username === 'string' ? { username: candidate.username } : {}),
    ...(candidate.signedOut === true ? { signedOut: true } : {}),
  };
}

/** Where to go once signed in: back where the user was sent from, never to a sign-in page. */
export function returnPath(state: ReturnState): string {
  const from = state.from;
  if (!from || from.pathname.startsWith(SIGN_IN_PATH) || from.pathname.startsWith('//')) return '/';
  return `${from.pathname}${from.search}${from.hash}`;
}

function isLocation(value: unknown): value is ReturnState['from'] {
  if (typeof value !== 'object' || value === null) return false;
  const { pathname, search, hash } = value as Record<string, unknown>;
  return (
    typeof pathname === 'string' &&
    pathname.startsWith('/') &&
    typeof search === 'string' &&
    typeof hash === 'string'
  );
}
