import {
  CategorySchema,
  DEFAULT_CATEGORIES,
  DEFAULT_LEGAL_CLOCKS,
  DEFAULT_RETENTION_DAYS,
  DEFAULT_SLA_HOURS,
  DEFAULT_SUPPRESSION_K,
  LegalClocksSchema,
  SlaHoursSchema,
  SUPPRESSION_MIN_K,
  type Category,
  type LegalClocks,
  type Settings,
  type SlaHours,
} from '@haven/shared';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { JsonValue, SettingsStore } from '../../storage';

/** Days without use after which a receipt stops opening its case, unless configured. */
export const DEFAULT_REPORTER_ACCESS_LAPSE_DAYS = 365;

interface Definition<T> {
  key: string;
  schema: z.ZodType<T>;
  fallback: T;
}

const definitions = {
  categories: {
    key: 'categories',
    schema: z.array(CategorySchema).min(1),
    fallback: DEFAULT_CATEGORIES,
  },
  legalClocks: {
    key: 'legal_clocks',
    schema: LegalClocksSchema,
    fallback: DEFAULT_LEGAL_CLOCKS,
  },
  legalClocksByCategory: {
    key: 'legal_clocks.by_category',
    schema: z.record(z.string(), LegalClocksSchema),
    fallback: {} as Record<string, LegalClocks>,
  },
  slaHours: {
    key: 'sla.hours',
    schema: SlaHoursSchema,
    fallback: DEFAULT_SLA_HOURS,
  },
  retentionDays: {
    key: 'retention.closed_case_days',
    schema: z.number().int().min(1),
    fallback: DEFAULT_RETENTION_DAYS,
  },
  // Never below the minimum, even if a stored value says so: the default applies instead.
  suppressionK: {
    key: 'suppression.k',
    schema: z.number().int().min(SUPPRESSION_MIN_K),
    fallback: DEFAULT_SUPPRESSION_K,
  },
  reporterAccessLapseDays: {
    key: 'reporter.access_lapse_days',
    schema: z.number().int().min(1),
    fallback: DEFAULT_REPORTER_ACCESS_LAPSE_DAYS,
  },
} satisfies Record<string, Definition<unknown>>;

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

  /** The default legal clocks; see `legalClocksFor` for a category's. */
  legalClocks(): Promise<LegalClocks> {
    return this.read(definitions.legalClocks);
  }

  /** The legal clocks of a category: its override if it has one, else the default. */
  async legalClocksFor(category: string): Promise<LegalClocks> {
    const overrides = await this.read(definitions.legalClocksByCategory);
    return overrides[category] ?? (await this.legalClocks());
  }

  slaHours(): Promise<SlaHours> {
    return this.read(definitions.slaHours);
  }

  /** Days after closing before a case and its attachments are purged. */
  retentionDays(): Promise<number> {
    return this.read(definitions.retentionDays);
  }

  /** The small-cell suppression threshold `k` of statistics (never below 3). */
  suppressionK(): Promise<number> {
    return this.read(definitions.suppressionK);
  }

  reporterAccessLapseDays(): Promise<number> {
    return this.read(definitions.reporterAccessLapseDays);
  }

  /** Every setting, as `GET /admin/settings` shows them. */
  async all(): Promise<Settings> {
    const [categories, clocks, byCategory, slaHours, retention, k, lapse] = await Promise.all([
      this.categories(),
      this.legalClocks(),
      this.read(definitions.legalClocksByCategory),
      this.slaHours(),
      this.retentionDays(),
      this.suppressionK(),
      this.reporterAccessLapseDays(),
    ]);
    return {
      categories,
      slaHours,
      legalClocks: { ...clocks, byCategory },
      retention: { closedCaseDays: retention },
      suppression: { k },
      reporterAccessLapseDays: lapse,
    };
  }

  /**
   * Writes the settings that differ from the current ones (validated by the shared schema
   * before they get here), each with its own audit entry naming the setting, never its value.
   * Answers the keys that changed.
   */
  async update(settings: Settings, actorId: string): Promise<string[]> {
    const { byCategory, ...clocks } = settings.legalClocks;
    const wanted: [Definition<unknown>, unknown][] = [
      [definitions.categories, settings.categories],
      [definitions.legalClocks, clocks],
      [definitions.legalClocksByCategory, byCategory],
      [definitions.slaHours, settings.slaHours],
      [definitions.retentionDays, settings.retention.closedCaseDays],
      [definitions.suppressionK, settings.suppression.k],
      [definitions.reporterAccessLapseDays, settings.reporterAccessLapseDays],
    ];
    const changed: string[] = [];
    for (const [definition, value] of wanted) {
      if (isDeepStrictEqual(await this.read(definition), value)) continue;
      await this.store.put(definition.key, value as JsonValue, {
        action: 'settings.changed',
        actorId,
        subject: { type: 'setting', id: definition.key },
      });
      changed.push(definition.key);
    }
    return changed;
  }

  private async read<T>(definition: Definition<T>): Promise<T> {
    const parsed = definition.schema.safeParse(await this.store.get(definition.key));
    return parsed.success ? parsed.data : definition.fallback;
  }
}
