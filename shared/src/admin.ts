import { z } from 'zod';
import { CategorySchema } from './categories';
import { DisplayNameSchema, UsernameSchema } from './identity';
import { RoleSchema } from './permissions';
import { SEVERITIES } from './workflow';

// ---------------------------------------------------------------------------------------------
// Staff accounts

/** A staff account as administrators see it: never a credential. */
export const StaffUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    disabled: z.boolean(),
    mfaEnrolled: z.boolean(),
    passwordChangeRequired: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().describe('Send it back with a change; a stale one is refused (409).'),
  })
  .meta({ id: 'StaffUser' });

export const StaffUserPageSchema = z
  .object({ items: z.array(StaffUserSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'StaffUserPage' });

export const UserListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const RolesSchema = z
  .array(RoleSchema)
  .min(1, 'at least one role')
  .max(4)
  .refine((roles) => new Set(roles).size === roles.length, 'each role once');

export const CreateUserRequestSchema = z
  .object({ username: UsernameSchema, displayName: DisplayNameSchema, roles: RolesSchema })
  .strict()
  .meta({ id: 'CreateUserRequest' });

/**
 * What an administrator may change of an account, and nothing else: an unknown field (a password
 * hash, a second factor, the username) is refused, never ignored.
 */
export const UpdateUserRequestSchema = z
  .object({
    version: z.number().int().min(1),
    displayName: DisplayNameSchema.optional(),
    roles: RolesSchema.optional(),
    disabled: z.boolean().optional(),
    forcePasswordChange: z
      .literal(true)
      .optional()
      .describe('Ends the user’s sessions; they must choose a new password at the next sign-in.'),
  })
  .strict()
  .meta({ id: 'UpdateUserRequest' });

export const TemporaryPasswordSchema = z
  .object({
    temporaryPassword: z
      .string()
      .describe('Shown once. The user must replace it at the first sign-in.'),
  })
  .meta({ id: 'TemporaryPassword' });

export const CreatedUserSchema = z
  .object({ user: StaffUserSchema, temporaryPassword: z.string() })
  .meta({ id: 'CreatedUser' });

// ---------------------------------------------------------------------------------------------
// Settings

/** Cells of an export with `0 < n < k` are withheld; `k` may not go below this. */
export const SUPPRESSION_MIN_K = 3;
export const DEFAULT_SUPPRESSION_K = 10;
/** Days after closing before a case and its attachments are purged, until configured. */
export const DEFAULT_RETENTION_DAYS = 365;

const days = (max: number) => z.number().int().min(1).max(max);

export const LegalClocksSchema = z
  .object({ acknowledgementDays: days(365), answerDays: days(3_650) })
  .strict()
  .meta({ id: 'LegalClocks' });

export const SlaHoursSchema = z
  .object(
    Object.fromEntries(SEVERITIES.map((severity) => [severity, days(8_760)])) as Record<
      (typeof SEVERITIES)[number],
      ReturnType<typeof days>
    >,
  )
  .strict()
  .meta({ id: 'SlaHours' });

/** Every setting an administrator may change; `PUT /admin/settings` sends it whole. */
export const SettingsSchema = z
  .object({
    categories: z.array(CategorySchema).min(1).max(50),
    slaHours: SlaHoursSchema,
    legalClocks: LegalClocksSchema.extend({
      byCategory: z
        .record(z.string(), LegalClocksSchema)
        .describe('Overrides for some categories, by category id.'),
    }).strict(),
    retention: z.object({ closedCaseDays: z.number().int().min(30).max(3_650) }).strict(),
    suppression: z
      .object({
        k: z.number().int().min(SUPPRESSION_MIN_K, `at least ${SUPPRESSION_MIN_K}`).max(1_000),
      })
      .strict(),
    reporterAccessLapseDays: days(3_650),
  })
  .strict()
  .superRefine((settings, context) => {
    const ids = settings.categories.map((category) => category.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        context.addIssue({
          code: 'custom',
          path: ['categories', index, 'id'],
          message: 'used twice',
        });
      }
    });
    for (const id of Object.keys(settings.legalClocks.byCategory)) {
      if (!ids.includes(id)) {
        context.addIssue({
          code: 'custom',
          path: ['legalClocks', 'byCategory', id],
          message: 'not a category',
        });
      }
    }
  })
  .meta({ id: 'Settings' });

export type StaffUser = z.infer<typeof StaffUserSchema>;
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type SlaHours = z.infer<typeof SlaHoursSchema>;
