import {
  ActivationSchema,
  EnrolmentSchema,
  LoginChallengeSchema,
  MeSchema,
  RecoveryCodesSchema,
  SessionTokensSchema,
  SetupResultSchema,
  type Activation,
  type Enrolment,
  type LoginChallenge,
  type LoginRequest,
  type Me,
  type SetupRequest,
} from '@haven/shared';
import { apiRequest, clearSession, setSession } from './client';

/** The staff identity endpoints (`/api/v1/auth…`, `/api/v1/setup`). */

export function setUpFirstAdmin(request: SetupRequest) {
  return apiRequest('POST', '/setup', {
    body: request,
    schema: SetupResultSchema,
    authenticated: false,
  });
}

/** The first factor: answers the challenge for the second. */
export function logIn(request: LoginRequest): Promise<LoginChallenge> {
  return apiRequest('POST', '/auth/login', {
    body: request,
    schema: LoginChallengeSchema,
    authenticated: false,
  });
}

/** The second factor (an authenticator code or a recovery code); opens the session. */
export async function passSecondFactor(challenge: string, code: string): Promise<void> {
  const tokens = await apiRequest('POST', '/auth/mfa', {
    body: { challenge, code },
    schema: SessionTokensSchema,
    authenticated: false,
  });
  setSession(tokens);
}

export function startEnrolment(challenge: string): Promise<Enrolment> {
  return apiRequest('POST', '/auth/mfa/enrol', {
    body: { challenge },
    schema: EnrolmentSchema,
    authenticated: false,
  });
}

/** A code from the new authenticator: opens the session and answers the recovery codes. */
export async function activateEnrolment(challenge: string, code: string): Promise<string[]> {
  const activation: Activation = await apiRequest('POST', '/auth/mfa/activate', {
    body: { challenge, code },
    schema: ActivationSchema,
    authenticated: false,
  });
  setSession(activation);
  return activation.recoveryCodes;
}

export function fetchMe(): Promise<Me> {
  return apiRequest('GET', '/auth/me', { schema: MeSchema });
}

/** Ends the session on the server (and its refresh cookie), then forgets the access token. */
export async function logOut(): Promise<void> {
  try {
    await apiRequest('POST', '/auth/logout');
  } finally {
    clearSession();
  }
}

/** Every other session of the user ends; this one carries on with the tokens answered. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const tokens = await apiRequest('POST', '/auth/password', {
    body: { currentPassword, newPassword },
    schema: SessionTokensSchema,
  });
  setSession(tokens);
}

export async function renewRecoveryCodes(password: string): Promise<string[]> {
  const answer = await apiRequest('POST', '/auth/recovery-codes', {
    body: { password },
    schema: RecoveryCodesSchema,
  });
  return answer.recoveryCodes;
}
