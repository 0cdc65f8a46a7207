import type { ReactNode } from 'react';
import { usePage } from '../../PageContext';

export const STEP_COUNT = 5;

/**
 * One step of the report. Without JavaScript all steps show on one page, in order; the script
 * shows one at a time and moves focus to the step's heading.
 */
export function Step({
  id,
  number,
  title,
  children,
}: {
  id: string;
  number: number;
  title: string;
  children: ReactNode;
}) {
  const { t } = usePage();
  return (
    <fieldset className="step" id={id}>
      <legend className="step-legend">
        <h2 className="step-heading" tabIndex={-1} data-step-title={title}>
          <span className="step-count">
            {t('report.stepCount', { step: number, total: STEP_COUNT })}
          </span>{' '}
          {title}
        </h2>
      </legend>
      {children}
    </fieldset>
  );
}
