import { z } from 'zod';
import { PermissionSchema, RoleSchema } from './permissions';

/**
 * Staff passwords: a length rule and a check against common and breached passwords (done by the
 * server), no composition rules (NIST SP 800-63B).
 */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 256 } as const;

/** Sessions: access tokens are short; a session ends after 12 hours, or 30 minutes idle. */
export const SESSION_POLICY = {
  accessTokenMinutes: 15,
  absoluteHours: 12,
  idleMinutes: 30,
} as const;

/** A new password as the policy allows it (the common-password check happens on the server). */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_POLICY.minLength, `at least ${PASSWORD_POLICY.minLength} characters`)
  .max(PASSWORD_POLICY.maxLength, `at most ${PASSWORD_POLICY.maxLength} characters`);

/** A password as typed at login: bounded, never judged (the answer must not say why it failed). */
const GivenPasswordSchema = z.string().min(1, 'required').max(1024);

/** Letters, digits, `.`, `_`, `-`; compared without regard to case. */
export const UsernameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/,
    '3 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

export const DisplayNameSchema = z.string().trim().min(1, 'required').max(100);

export const LoginRequestSchema = z
  .object({ username: z.string().min(1, 'required').max(256), password: GivenPasswordSchema })
  .strict()
  .meta({ id: 'LoginRequest' });

export const LoginChallengeSchema = z
  .object({
    challenge: z
      .string()
      .describe('Short-lived token for the second step; it grants nothing on its own.'),
    expiresAt: z.iso.datetime(),
    enrolmentRequired: z
      .boolean()
      .describe(
        'No authenticator yet: enrol (POST /auth/mfa/enrol) and activate (POST /auth/mfa/activate).',
      ),
    passwordChangeRequired: z
      .boolean()
      .describe('Once signed in, only POST /auth/password (and /auth/me, logout) will answer.'),
  })
  .meta({ id: 'LoginChallenge' });

export const ChallengeRequestSchema = z
  .object({ challenge: z.string().min(1).max(2048) })
  .strict()
  .meta({ id: 'ChallengeRequest' });

export const SecondFactorRequestSchema = z
  .object({
    challenge: z.string().min(1).max(2048),
    code: z
      .string()
      .min(1, 'required')
      .max(64)
      .describe('The 6-digit code of the authenticator app, or one unused recovery code.'),
  })
  .strict()
  .meta({ id: 'SecondFactorRequest' });

export const EnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32 secret, for typing into an authenticator by hand.'),
    otpauthUri: z.string().describe('otpauth://totp/… (RFC 6238: SHA-1, 6 digits, 30 seconds)'),
    qrSvg: z.string().describe('The otpauth URI as a QR code, an SVG document made on the server.'),
    qrDataUrl: z.string().describe('The same SVG as a data: URL, for an <img>.'),
  })
  .meta({ id: 'Enrolment' });

export const SessionTokensSchema = z
  .object({
    accessToken: z.string().describe('Bearer token for the staff API.'),
    tokenType: z.literal('Bearer'),
    expiresAt: z.iso.datetime().describe('When the access token expires; refresh before.'),
    sessionExpiresAt: z.iso
      .datetime()
      .describe('When the session ends whatever happens (12 hours after sign-in).'),
  })
  .meta({ id: 'SessionTokens' });

export const RecoveryCodesSchema = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .describe('Shown once. Each opens one sign-in in place of the authenticator code.'),
  })
  .meta({ id: 'RecoveryCodes' });

export const ActivationSchema = SessionTokensSchema.extend(RecoveryCodesSchema.shape).meta({
  id: 'Activation',
});

export const MeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    permissions: z
      .array(PermissionSchema)
      .describe('What the roles grant, from the shared permission matrix.'),
    passwordChangeRequired: z.boolean(),
    recoveryCodesLeft: z.number().int(),
    session: z.object({
      expiresAt: z.iso.datetime(),
      idleExpiresAt: z.iso.datetime(),
    }),
  })
  .meta({ id: 'Me' });

export const UpdateMeSchema = z
  .object({ displayName: DisplayNameSchema })
  .strict()
  .meta({ id: 'UpdateMe' });

export const PasswordChangeRequestSchema = z
  .object({ currentPassword: GivenPasswordSchema, newPassword: NewPasswordSchema })
  .strict()
  .meta({ id: 'PasswordChangeRequest' });

export const ReauthenticationSchema = z
  .object({ password: GivenPasswordSchema })
  .strict()
  .meta({ id: 'Reauthentication' });

export const SetupRequestSchema = z
  .object({
    token: z.string().min(1).max(256),
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    password: NewPasswordSchema,
  })
  .strict()
  .meta({ id: 'SetupRequest' });

export const SetupResultSchema = z
  .object({ id: z.string(), username: z.string() })
  .meta({ id: 'SetupResult' });

export type LoginRequest = z.infer<typeof LoginRequestSchema>;
export type LoginChallenge = z.infer<typeof LoginChallengeSchema>;
export type Enrolment = z.infer<typeof EnrolmentSchema>;
export type SessionTokens = z.infer<typeof SessionTokensSchema>;
export type Activation = z.infer<typeof ActivationSchema>;
export type Me = z.infer<typeof MeSchema>;
export type SetupRequest = z.infer<typeof SetupRequestSchema>;
