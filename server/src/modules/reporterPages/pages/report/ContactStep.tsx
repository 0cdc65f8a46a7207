import { CONTACT_CHANNELS, REPORT_LIMITS } from '@haven/shared';
import { Field } from '../../components/Field';
import { Choice, FieldGroup } from '../../components/FieldGroup';
import { usePage } from '../../PageContext';
import type { FormState } from './formState';
import { Step } from './Step';

/** The form of `ContactSchema`'s phone number; classes escaped as the `v` flag requires. */
const PHONE = '\\+?[0-9 \\(\\)\\.\\/\\-]{6,32}';

export function ContactStep({ state }: { state: FormState }) {
  const { t } = usePage();
  const { values, messages, invalid } = state;
  return (
    <Step id="step-contact" number={4} title={t('report.contact.title')}>
      <p>{t('report.contact.intro')}</p>
      <p className="notice">{t('report.contact.sealed')}</p>
      <Field
        id="contactName"
        label={t('report.contact.name')}
        optional
        message={messages.contactName}
        invalid={invalid('contactName')}
      >
        {(control) => (
          <input
            {...control}
            name="contactName"
            maxLength={REPORT_LIMITS.contactNameMax}
            autoComplete="off"
            defaultValue={values.contactName}
          />
        )}
      </Field>
      <Field
        id="contactEmail"
        label={t('report.contact.email')}
        optional
        message={messages.contactEmail}
        invalid={invalid('contactEmail')}
      >
        {(control) => (
          <input
            {...control}
            type="email"
            name="contactEmail"
            maxLength={254}
            autoComplete="off"
            dir="ltr"
            defaultValue={values.contactEmail}
          />
        )}
      </Field>
      <Field
        id="contactPhone"
        label={t('report.contact.phone')}
        optional
        hint={t('report.contact.phoneHint')}
        message={messages.contactPhone}
        invalid={invalid('contactPhone')}
      >
        {(control) => (
          <input
            {...control}
            type="tel"
            name="contactPhone"
            pattern={PHONE}
            maxLength={32}
            autoComplete="off"
            dir="ltr"
            defaultValue={values.contactPhone}
          />
        )}
      </Field>
      <FieldGroup
        name="contactChannel"
        legend={t('report.contact.channel')}
        optional
        message={messages.contactChannel}
        invalid={invalid('contactChannel')}
      >
        {CONTACT_CHANNELS.map((channel) => (
          <Choice
            key={channel}
            type="radio"
            name="contactChannel"
            value={channel}
            label={t(`report.contact.channels.${channel}`)}
            checked={values.contactChannel === channel}
          />
        ))}
      </FieldGroup>
    </Step>
  );
}
