import { Router, type Response } from 'express';
import {
  ActivationSchema,
  ChallengeRequestSchema,
  EnrolmentSchema,
  LoginChallengeSchema,
  LoginRequestSchema,
  MeSchema,
  PasswordChangeRequestSchema,
  ReauthenticationSchema,
  RecoveryCodesSchema,
  SecondFactorRequestSchema,
  SessionTokensSchema,
  SetupRequestSchema,
  SetupResultSchema,
  UpdateMeSchema,
  type SessionTokens,
} from '@haven/shared';
import type passport from 'passport';
import type { z } from 'zod';
import type { Config } from '../../config';
import { publicAccess } from '../../http/access';
import { senderKey } from '../../http/clientAddress';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import { parseRequest } from '../../http/validate';
import type { Services } from '../../services';
import { staffOf, type StaffGuards } from './guards';
import { ACCESS_TOKEN_STRATEGY, PASSWORD_STRATEGY, runStrategy } from './passport';
import {
  clearRefreshCookie,
  readRefreshCookie,
  refreshCookieFor,
  requireSameOrigin,
  setRefreshCookie,
  type RefreshCookie,
} from './refreshCookie';
import type { IssuedSession } from './SessionService';

export interface IdentityRouteDependencies {
  services: Services;
  config: Pick<Config, 'publicUrl'>;
  authenticator: passport.Authenticator;
  guards: StaffGuards;
}

/**
 * Staff sign-in (password, then a second factor or its enrolment), sessions (refresh, logout),
 * the user's own account, and the first admin's setup. Thin: validate, call the service, present.
 */
export function identityRoutes({
  services,
  config,
  authenticator,
  guards,
}: IdentityRouteDependencies): Router {
  const router = Router();
  const cookie = refreshCookieFor(config.publicUrl);
  const throttleSender = (req: Parameters<typeof senderKey>[0]) =>
    services.throttle.consume('staffSignIn', senderKey(req, services.addressKeys));

  router.post('/auth/login', publicAccess(), async (req, res) => {
    // Validated before passport sees it: an operator object is never a password.
    parseRequest(LoginRequestSchema, req.body, 'sign-in');
    await throttleSender(req);
    const user = await runStrategy(authenticator, PASSWORD_STRATEGY, req, res);
    if (!user) throw services.identity.signInRefused();
    res.json(services.identity.challengeFor(user));
  });

  router.post('/auth/mfa', publicAccess('challenge'), async (req, res) => {
    const { challenge, code } = parseRequest(SecondFactorRequestSchema, req.body, 'request');
    await throttleSender(req);
    sendSession(res, cookie, await services.identity.completeSignIn(challenge, code));
  });

  router.post('/auth/mfa/enrol', publicAccess('challenge'), async (req, res) => {
    const { challenge } = parseRequest(ChallengeRequestSchema, req.body, 'request');
    await throttleSender(req);
    res.json(await services.identity.startEnrolment(challenge));
  });

  router.post('/auth/mfa/activate', publicAccess('challenge'), async (req, res) => {
    const { challenge, code } = parseRequest(SecondFactorRequestSchema, req.body, 'request');
    await throttleSender(req);
    const { session, recoveryCodes } = await services.identity.activateEnrolment(challenge, code);
    sendSession(res, cookie, session, { recoveryCodes });
  });

  router.post('/auth/refresh', publicAccess('refreshCookie'), async (req, res) => {
    requireSameOrigin(req, config.publicUrl);
    try {
      sendSession(
        res,
        cookie,
        await services.sessions.refresh(readRefreshCookie(req, cookie) ?? ''),
      );
    } catch (error) {
      clearRefreshCookie(res, cookie);
      throw error;
    }
  });

  router.post('/auth/logout', publicAccess('refreshCookie'), async (req, res) => {
    const token = readRefreshCookie(req, cookie);
    if (token) {
      requireSameOrigin(req, config.publicUrl);
      await services.sessions.endByRefreshToken(token);
    }
    if (req.get('Authorization')) {
      const principal = await runStrategy(authenticator, ACCESS_TOKEN_STRATEGY, req, res);
      if (principal) await services.sessions.end(principal.sessionId, principal.userId);
    }
    clearRefreshCookie(res, cookie);
    res.setHeader('Clear-Site-Data', '"cookies", "storage"');
    res.status(204).end();
  });

  router.get('/auth/me', guards.signedIn({ duringPasswordChange: true }), async (req, res) => {
    res.json(await services.identity.me(staffOf(req)));
  });

  router.patch('/auth/me', guards.signedIn(), async (req, res) => {
    const change = parseRequest(UpdateMeSchema, req.body, 'profile');
    res.json(await services.identity.updateProfile(staffOf(req), change));
  });

  router.post(
    '/auth/password',
    guards.signedIn({ duringPasswordChange: true }),
    async (req, res) => {
      const { currentPassword, newPassword } = parseRequest(
        PasswordChangeRequestSchema,
        req.body,
        'password change',
      );
      sendSession(
        res,
        cookie,
        await services.identity.changePassword(staffOf(req), currentPassword, newPassword),
      );
    },
  );

  router.post('/auth/recovery-codes', guards.signedIn(), async (req, res) => {
    const { password } = parseRequest(ReauthenticationSchema, req.body, 'request');
    res.json({ recoveryCodes: await services.identity.renewRecoveryCodes(staffOf(req), password) });
  });

  router.post('/setup', publicAccess('setupToken'), async (req, res) => {
    const request = parseRequest(SetupRequestSchema, req.body, 'setup');
    await throttleSender(req);
    const admin = await services.identity.setUpFirstAdmin(request);
    res.status(201).json({ id: admin.id, username: admin.username });
  });

  return router;
}

/** Tokens in the body, the refresh token only in its cookie. */
function sendSession(
  res: Response,
  cookie: RefreshCookie,
  session: IssuedSession,
  extra: object = {},
): void {
  setRefreshCookie(res, cookie, session.refreshToken, session.sessionExpiresAt);
  const tokens: SessionTokens = {
    accessToken: session.accessToken,
    tokenType: 'Bearer',
    expiresAt: session.accessTokenExpiresAt.toISOString(),
    sessionExpiresAt: session.sessionExpiresAt.toISOString(),
  };
  res.json({ ...tokens, ...extra });
}

export const STAFF_TOKEN_SCHEME = 'staffToken';

export const describeIdentityRoutes: DescribeRoutes = (registry) => {
  registry.registerComponent('securitySchemes', STAFF_TOKEN_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'Access token from POST /api/v1/auth/mfa, /auth/mfa/activate or /auth/refresh (15 minutes).',
  });
  const json = <T extends z.ZodType>(schema: T) => ({
    content: { 'application/json': { schema } },
  });
  const staff = [{ [STAFF_TOKEN_SCHEME]: [] }];
  const cookieNote =
    'Sets the refresh cookie (`__Host-haven_refresh` over HTTPS, `haven_refresh` over HTTP): ' +
    'httpOnly, SameSite=Strict, path /.';
  const sameOrigin =
    'Authenticated by the refresh cookie: the request must carry Haven’s own `Origin`.';

  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in, first step: the password. Answers a challenge for the second factor',
    tags: ['staff sign-in'],
    request: { body: json(LoginRequestSchema) },
    responses: {
      200: {
        description: 'Password right: go on to the second step',
        ...json(LoginChallengeSchema),
      },
      400: problemResponse('Invalid body'),
      401: problemResponse('Wrong username or password (one answer for either)'),
      429: problemResponse('Too many attempts for this account, or from this address'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/mfa',
    summary: 'Sign in, second step: an authenticator code or a recovery code',
    description: cookieNote,
    tags: ['staff sign-in'],
    request: { body: json(SecondFactorRequestSchema) },
    responses: {
      200: { description: 'Signed in', ...json(SessionTokensSchema) },
      400: problemResponse('Invalid body'),
      401: problemResponse('Wrong code, or the challenge expired'),
      429: problemResponse('Too many attempts'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/mfa/enrol',
    summary: 'Second-factor enrolment: a new secret and its QR code (SVG, made on the server)',
    tags: ['staff sign-in'],
    request: { body: json(ChallengeRequestSchema) },
    responses: {
      200: { description: 'Scan it, then activate with a code', ...json(EnrolmentSchema) },
      401: problemResponse('The challenge expired or is not for an enrolment'),
      409: problemResponse('A second factor is set up already'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/mfa/activate',
    summary: 'Second-factor enrolment: a valid code activates it and signs in',
    description: `${cookieNote} The recovery codes are shown once.`,
    tags: ['staff sign-in'],
    request: { body: json(SecondFactorRequestSchema) },
    responses: {
      200: { description: 'Enrolled and signed in', ...json(ActivationSchema) },
      401: problemResponse('Wrong code, or the challenge expired'),
      409: problemResponse('Not enrolling, or enrolled already'),
      429: problemResponse('Too many attempts'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/refresh',
    summary: 'A new access token; the refresh token rotates',
    description: `${sameOrigin} ${cookieNote} Presenting a refresh token that was already used ends the whole session. Refresh from one place at a time.`,
    tags: ['staff sign-in'],
    responses: {
      200: { description: 'Refreshed', ...json(SessionTokensSchema) },
      401: problemResponse('No session, or it ended (expired, idle, revoked, token reused)'),
      403: problemResponse('Foreign or missing Origin'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: ends the session of the refresh cookie and of the bearer token, if any',
    description: `${sameOrigin} Answers \`Clear-Site-Data: "cookies", "storage"\`.`,
    tags: ['staff sign-in'],
    responses: {
      204: { description: 'Signed out' },
      403: problemResponse('Foreign or missing Origin with a refresh cookie'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user: roles, and the permissions the console may show',
    tags: ['own account'],
    security: staff,
    responses: {
      200: { description: 'The user', ...json(MeSchema) },
      401: problemResponse('Not signed in'),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/auth/me',
    summary: 'Change one’s own display name (nothing else can be changed here)',
    tags: ['own account'],
    security: staff,
    request: { body: json(UpdateMeSchema) },
    responses: {
      200: { description: 'The user', ...json(MeSchema) },
      400: problemResponse('Invalid body, or a field that cannot be changed here'),
      401: problemResponse('Not signed in'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/password',
    summary: 'Change one’s own password; every other session ends',
    description: `${cookieNote} At least 12 characters, not a common or breached password.`,
    tags: ['own account'],
    security: staff,
    request: { body: json(PasswordChangeRequestSchema) },
    responses: {
      200: { description: 'Changed; a new session for this client', ...json(SessionTokensSchema) },
      400: problemResponse('Current password wrong, or the new one refused (the detail says why)'),
      401: problemResponse('Not signed in'),
      429: problemResponse('Too many wrong passwords'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/auth/recovery-codes',
    summary: 'A new set of recovery codes (the old set stops working); needs the password',
    tags: ['own account'],
    security: staff,
    request: { body: json(ReauthenticationSchema) },
    responses: {
      200: { description: 'Shown once', ...json(RecoveryCodesSchema) },
      400: problemResponse('Wrong password'),
      401: problemResponse('Not signed in'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/setup',
    summary: 'Create the first admin with the one-time setup token',
    description:
      'Refused once an admin exists. The second factor is enrolled at the first sign-in.',
    tags: ['setup'],
    request: { body: json(SetupRequestSchema) },
    responses: {
      201: { description: 'The first admin exists', ...json(SetupResultSchema) },
      400: problemResponse('Invalid body, or a password the policy refuses'),
      401: problemResponse('The setup token is wrong or expired'),
      409: problemResponse('An admin exists already, or the username is taken'),
    },
  });
};
