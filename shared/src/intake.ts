import { z } from 'zod';
import { CategorySchema, TARGETED_CHARACTERISTICS } from './categories';
import { isCountryCode } from './countries';
import { LANGUAGES } from './languages';

export const LanguageCodeSchema = z.enum(
  LANGUAGES.map((language) => language.code) as [string, ...string[]],
);

/** Limits of a report's fields, shown by the form and enforced by the schema. */
export const REPORT_LIMITS = {
  narrativeMin: 10,
  narrativeMax: 20_000,
  urlsMax: 20,
  urlMax: 2_048,
  handlesMax: 20,
  handleMax: 200,
  platformMax: 100,
  contactNameMax: 120,
} as const;

const CountrySchema = z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 country code');

/** A day (`2026-03-14`) or a month (`2026-03`), never in the future. */
const OccurredOnSchema = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/,
    'a date (YYYY-MM-DD) or a month (YYYY-MM)',
  )
  .refine((value) => {
    const date = new Date(value.length === 7 ? `${value}-01` : value);
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date <= new Date()
    );
  }, 'a real date, not in the future');

const UrlSchema = z
  .string()
  .trim()
  .max(REPORT_LIMITS.urlMax)
  .pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }));

export const CONTACT_CHANNELS = ['email', 'phone', 'signal', 'none'] as const;

/** How the reporter may be reached, if at all. Kept sealed; staff see it only through a reveal. */
export const ContactSchema = z
  .object({
    name: z.string().trim().min(1).max(REPORT_LIMITS.contactNameMax).optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{6,32}$/, 'a phone number')
      .optional(),
    preferredChannel: z.enum(CONTACT_CHANNELS).optional(),
  })
  .strict();

/** What a reporter submits: the one shape for the JSON API, multipart `report` and the HTML form. */
export const ReportSubmissionSchema = z
  .object({
    category: z.string().min(1).max(41),
    subcategory: z.string().min(1).max(41).optional(),
    narrative: z.string().trim().min(REPORT_LIMITS.narrativeMin).max(REPORT_LIMITS.narrativeMax),
    country: CountrySchema.optional(),
    occurredOn: OccurredOnSchema.optional(),
    platform: z.string().trim().min(1).max(REPORT_LIMITS.platformMax).optional(),
    urls: z.array(UrlSchema).max(REPORT_LIMITS.urlsMax).default([]),
    handles: z
      .array(z.string().trim().min(1).max(REPORT_LIMITS.handleMax))
      .max(REPORT_LIMITS.handlesMax)
      .default([]),
    targets: z
      .array(z.enum(TARGETED_CHARACTERISTICS))
      .max(TARGETED_CHARACTERISTICS.length)
      .default([]),
    language: LanguageCodeSchema,
    contact: ContactSchema.optional(),
    /** Left empty by people; bots fill every field. */
    website: z.string().max(0, 'must be empty').optional(),
    /** A solved proof-of-work challenge, when the browser could run one. */
    proofOfWork: z
      .object({ challenge: z.string().max(512), nonce: z.string().max(32) })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'ReportSubmission' });

export type ReportSubmission = z.infer<typeof ReportSubmissionSchema>;
export type ReportSubmissionInput = z.input<typeof ReportSubmissionSchema>;

export const ReportReceiptSchema = z
  .object({
    reference: z.string().describe('Short code to quote, e.g. HV-7Q2K-9D. Not a secret.'),
    receipt: z
      .string()
      .describe('The secret that opens the report later. Shown once; Haven cannot recover it.'),
  })
  .meta({ id: 'ReportReceipt' });

export type ReportReceipt = z.infer<typeof ReportReceiptSchema>;

/** `GET /public/form`: everything a client needs to draw the report form. */
export const FormDefinitionSchema = z
  .object({
    categories: z.array(CategorySchema),
    countries: z.array(z.string()),
    targets: z.array(z.enum(TARGETED_CHARACTERISTICS)),
    languages: z.array(z.object({ code: LanguageCodeSchema, dir: z.enum(['ltr', 'rtl']) })),
    limits: z.record(z.string(), z.number()),
    attachments: z.object({
      maxFileBytes: z.number().int(),
      maxFiles: z.number().int(),
      mediaTypes: z.array(z.string()),
      removed: z.record(z.string(), z.array(z.string()).readonly()),
    }),
    proofOfWork: z
      .object({ challenge: z.string(), difficulty: z.number().int() })
      .nullable()
      .describe('A challenge to solve before submitting, or null when not required.'),
  })
  .meta({ id: 'FormDefinition' });

export type FormDefinition = z.infer<typeof FormDefinitionSchema>;
