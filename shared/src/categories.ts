import { z } from 'zod';
import { LANGUAGES } from './languages';

/** The three families every category belongs to (DESIGN §2). */
export const CATEGORY_FAMILIES = ['cyberattack', 'online_hate', 'rights_violation'] as const;
export type CategoryFamily = (typeof CATEGORY_FAMILIES)[number];

/** Characteristics a hateful act may target; asked for online hate, optional elsewhere. */
export const TARGETED_CHARACTERISTICS = [
  'ethnicity',
  'nationality',
  'religion',
  'gender',
  'sexual_orientation',
  'gender_identity',
  'disability',
  'age',
  'political_opinion',
  'other',
] as const;
export type TargetedCharacteristic = (typeof TARGETED_CHARACTERISTICS)[number];

const CategoryIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,40}$/, 'lower-case letters, digits and _ only');

/**
 * Names an administrator gave, per language. Default categories have none: their names come
 * from the translations, keyed by id (`category.<id>`).
 */
const LabelsSchema = z.partialRecord(
  z.enum(LANGUAGES.map((language) => language.code) as [string, ...string[]]),
  z.string().trim().min(1).max(80),
);

export const SubcategorySchema = z.object({
  id: CategoryIdSchema,
  labels: LabelsSchema.optional(),
});

export const CategorySchema = z
  .object({
    id: CategoryIdSchema,
    family: z.enum(CATEGORY_FAMILIES),
    labels: LabelsSchema.optional(),
    /** Whether the form asks which characteristics were targeted. */
    asksTargets: z.boolean(),
    subcategories: z.array(SubcategorySchema).max(40),
  })
  .meta({ id: 'Category' });

export type Category = z.infer<typeof CategorySchema>;

const sub = (...ids: string[]) => ids.map((id) => ({ id }));

/** The categories a new Haven starts with; administrators may change them. */
export const DEFAULT_CATEGORIES: Category[] = [
  {
    id: 'cyberattack',
    family: 'cyberattack',
    asksTargets: false,
    subcategories: sub(
      'phishing',
      'account_takeover',
      'malware',
      'spyware',
      'ddos',
      'data_leak',
      'doxxing',
      'impersonation',
      'other',
    ),
  },
  {
    id: 'online_hate',
    family: 'online_hate',
    asksTargets: true,
    subcategories: sub(
      'hate_speech',
      'harassment',
      'threats',
      'incitement',
      'non_consensual_imagery',
      'other',
    ),
  },
  {
    id: 'rights_violation',
    family: 'rights_violation',
    asksTargets: false,
    subcategories: sub(
      'surveillance',
      'censorship',
      'threats_to_defenders',
      'internet_shutdown',
      'arbitrary_detention_for_speech',
      'other',
    ),
  },
];
