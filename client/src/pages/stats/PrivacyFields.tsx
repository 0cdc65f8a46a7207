import { STATS_EPSILON_MAX } from '@haven/shared';
import { useTranslation } from 'react-i18next';
import { Checkbox, TextField } from '../../forms/fields';
import { monthName, numberText } from './statsLabels';
import type { StatsView } from './statsView';
import type { PrivacyBudget } from '@haven/shared';

interface PrivacyFieldsProps {
  noise: boolean;
  epsilon: string;
  /** What the last noisy release said was left; `null` before any this visit. */
  budget: PrivacyBudget | null;
  error: string | undefined;
  onChange(patch: Pick<StatsView, 'noise'> | Pick<StatsView, 'epsilon'>): void;
}

/**
 * The optional differential-privacy mode: what noise does and costs, the epsilon to spend, and
 * what is left of the month's budget (read when the page opens, then as each noisy release
 * reports it).
 */
export function PrivacyFields({ noise, epsilon, budget, error, onChange }: PrivacyFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return (
    <fieldset className="fieldset stats-privacy">
      <legend>{t('stats.privacy.legend')}</legend>
      <Checkbox
        id="stats-noise"
        label={t('stats.privacy.noise')}
        hint={t('stats.privacy.noiseHint')}
        checked={noise}
        onChange={(event) => onChange({ noise: event.target.checked })}
      />
      {noise ? (
        <TextField
          id="stats-epsilon"
          className="input-number"
          type="number"
          inputMode="decimal"
          min={0.01}
          max={STATS_EPSILON_MAX}
          step={0.01}
          label={t('stats.privacy.epsilon')}
          hint={t('stats.privacy.epsilonHint', { max: numberText(language, STATS_EPSILON_MAX) })}
          value={epsilon}
          onChange={(event) => onChange({ epsilon: event.target.value })}
          error={error}
        />
      ) : null}
      <p className="field-hint">
        {budget
          ? t('stats.privacy.budget', {
              period: monthName(language, budget.period),
              remaining: numberText(language, budget.remaining),
              budget: numberText(language, budget.budget),
            })
          : t('stats.privacy.budgetUnknown')}
      </p>
    </fieldset>
  );
}
