import { REPORT_LIMITS } from '@haven/shared';
import { Field } from '../../components/Field';
import { Translated } from '../../components/Translated';
import { countriesByName } from '../../format';
import { usePage } from '../../PageContext';
import { OCCURRED_ON_EXAMPLES } from './fieldMessages';
import type { FormState } from './formState';
import { Step } from './Step';

/** The HTML form of the shared schema's `occurredOn`: a month or a day. */
const MONTH_OR_DAY = '\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?';

export function WhereWhenStep({ state }: { state: FormState }) {
  const { t, language } = usePage();
  const { values, messages, invalid } = state;
  return (
    <Step id="step-where" number={2} title={t('report.where.title')}>
      <Field
        id="country"
        label={t('report.where.country')}
        optional
        message={messages.country}
        invalid={invalid('country')}
      >
        {(control) => (
          <select {...control} name="country" defaultValue={values.country}>
            <option value="">{t('report.where.countryNone')}</option>
            {countriesByName(language.code).map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="occurredOn"
        label={t('report.where.occurredOn')}
        optional
        hint={
          <Translated
            id="report.where.occurredOnHint"
            parts={{
              month: <Example>{OCCURRED_ON_EXAMPLES.month}</Example>,
              day: <Example>{OCCURRED_ON_EXAMPLES.day}</Example>,
            }}
          />
        }
        message={messages.occurredOn}
        invalid={invalid('occurredOn')}
      >
        {(control) => (
          <input
            {...control}
            name="occurredOn"
            className="input-short"
            maxLength={10}
            pattern={MONTH_OR_DAY}
            autoComplete="off"
            dir="ltr"
            defaultValue={values.occurredOn}
          />
        )}
      </Field>
      <Field
        id="platform"
        label={t('report.where.platform')}
        optional
        hint={t('report.where.platformHint')}
        message={messages.platform}
        invalid={invalid('platform')}
      >
        {(control) => (
          <input
            {...control}
            name="platform"
            maxLength={REPORT_LIMITS.platformMax}
            autoComplete="off"
            defaultValue={values.platform}
          />
        )}
      </Field>
      <Field
        id="urls"
        label={t('report.where.urls')}
        optional
        hint={t('report.where.urlsHint', { max: REPORT_LIMITS.urlsMax })}
        message={messages.urls}
        invalid={invalid('urls')}
      >
        {(control) => (
          <textarea
            {...control}
            name="urls"
            rows={3}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            defaultValue={values.urls}
          />
        )}
      </Field>
      <Field
        id="handles"
        label={t('report.where.handles')}
        optional
        hint={t('report.where.handlesHint', { max: REPORT_LIMITS.handlesMax })}
        message={messages.handles}
        invalid={invalid('handles')}
      >
        {(control) => (
          <textarea
            {...control}
            name="handles"
            rows={3}
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.handles}
          />
        )}
      </Field>
    </Step>
  );
}

/** A date to type as shown: left to right in any language, and never broken at a hyphen. */
function Example({ children }: { children: string }) {
  return (
    <span className="nowrap" dir="ltr">
      {children}
    </span>
  );
}
