import {
  CategorySchema,
  DEFAULT_CATEGORIES,
  DEFAULT_LEGAL_CLOCKS,
  type Category,
  type LegalClocks,
} from '@haven/shared';
import { z } from 'zod';
import type { SettingsStore } from '../../storage';

/** Days without use after which a receipt stops opening its case, unless configured. */
export const DEFAULT_REPORTER_ACCESS_LAPSE_DAYS = 365;

const definitions = {
  categories: {
    key: 'categories',
    schema: z.array(CategorySchema).min(1),
    fallback: DEFAULT_CATEGORIES,
  },
  legalClocks: {
    key: 'legal_clocks',
    schema: z.object({
      acknowledgementDays: z.number().int().min(1),
      answerDays: z.number().int().min(1),
    }),
    fallback: DEFAULT_LEGAL_CLOCKS,
  },
  reporterAccessLapseDays: {
    key: 'reporter.access_lapse_days',
    schema: z.number().int().min(1),
    fallback: DEFAULT_REPORTER_ACCESS_LAPSE_DAYS,
  },
} as const;

/**
 * Product settings an administrator may change, each with its default. A stored value that no
 * longer fits its schema (written by an older version, say) falls back to the default rather
 * than breaking the reporter's form.
 */
export class SettingsService {
  constructor(private readonly store: SettingsStore) {}

  categories(): Promise<Category[]> {
    return this.read(definitions.categories) as Promise<Category[]>;
  }

  legalClocks(): Promise<LegalClocks> {
    return this.read(definitions.legalClocks);
  }

  reporterAccessLapseDays(): Promise<number> {
    return this.read(definitions.reporterAccessLapseDays);
  }

  private async read<T>(definition: {
    key: string;
    schema: z.ZodType<T>;
    fallback: T;
  }): Promise<T> {
    const parsed = definition.schema.safeParse(await this.store.get(definition.key));
    return parsed.success ? parsed.data : definition.fallback;
  }
}
