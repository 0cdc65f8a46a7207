import { REPORT_LIMITS, TARGETED_CHARACTERISTICS, type Category } from '@haven/shared';
import { Field } from '../../components/Field';
import { Choice, FieldGroup } from '../../components/FieldGroup';
import { usePage } from '../../PageContext';
import type { FormState } from './formState';
import { Step } from './Step';
import { TopicSelect } from './TopicSelect';

export function WhatHappenedStep({
  categories,
  state,
}: {
  categories: Category[];
  state: FormState;
}) {
  const { t } = usePage();
  const { values, messages, invalid } = state;
  return (
    <Step id="step-what" number={1} title={t('report.what.title')}>
      <Field
        id="topic"
        label={t('report.what.topic')}
        message={messages.topic}
        invalid={invalid('topic')}
      >
        {(control) => (
          <TopicSelect categories={categories} value={values.topic} control={control} />
        )}
      </Field>
      <Field
        id="narrative"
        label={t('report.what.narrative')}
        hint={t('report.what.narrativeHint')}
        message={messages.narrative}
        invalid={invalid('narrative')}
      >
        {(control) => (
          <textarea
            {...control}
            name="narrative"
            rows={8}
            required
            minLength={REPORT_LIMITS.narrativeMin}
            maxLength={REPORT_LIMITS.narrativeMax}
            autoComplete="off"
            defaultValue={values.narrative}
          />
        )}
      </Field>
      <FieldGroup
        name="targets"
        legend={t('report.what.targets')}
        optional
        hint={t('report.what.targetsHint')}
        message={messages.targets}
        invalid={invalid('targets')}
      >
        {TARGETED_CHARACTERISTICS.map((target) => (
          <Choice
            key={target}
            type="checkbox"
            name="targets"
            value={target}
            label={t(`targets.${target}`)}
            checked={values.targets.includes(target)}
          />
        ))}
      </FieldGroup>
    </Step>
  );
}
