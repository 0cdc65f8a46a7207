import type { TFunction } from 'i18next';

/** Why the server would not release the table, in the reader's language. */
export const statsRefusal =
  (t: TFunction, epsilon: number | null) => (status: number, code: string) => {
    if (status === 422 && code === 'privacy_budget_exhausted') {
      return t('stats.errors.budgetExhausted', { epsilon });
    }
    if (status === 422 && code === 'stats_table_too_large') return t('stats.errors.tooLarge');
    return undefined;
  };
