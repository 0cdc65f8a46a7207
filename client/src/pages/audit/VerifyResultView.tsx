import type { VerifyResult } from '@haven/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/formatting';

interface VerifyResultViewProps {
  result: VerifyResult;
  /** When the check was made (ISO), as the reader may compare several. */
  checkedAt: string;
}

/**
 * What a verification found, in words: whether the log holds, the first broken entry and why,
 * whether it extends a kept checkpoint, and the count and head hash to note down. Like the
 * console's other results, it takes focus each time it shows a new one, so it is read out.
 */
export function VerifyResultView({ result, checkedAt }: VerifyResultViewProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, [result]);

  const number = (value: number) => value.toLocaleString(i18n.language);
  const { checkpoint } = result;

  return (
    <div
      className={`notice audit-result ${result.ok ? 'notice-success' : 'notice-error'}`}
      role="status"
      tabIndex={-1}
      ref={ref}
    >
      <p className="audit-result-title">
        {result.ok ? t('audit.resultOk') : t('audit.resultBroken')}
      </p>
      {result.firstBrokenSeq !== undefined && result.reason ? (
        <p>
          {t('audit.resultBrokenAt', {
            seq: number(result.firstBrokenSeq),
            reason: t(`audit.chainBreak.${result.reason}`),
          })}
        </p>
      ) : null}
      {checkpoint ? (
        <p>
          {checkpoint.extends
            ? t('audit.resultCheckpointHolds', { entries: number(checkpoint.entries) })
            : t('audit.resultCheckpointFails', {
                entries: number(checkpoint.entries),
                reason: t(`audit.checkpointFailure.${checkpoint.reason ?? 'rewritten'}`),
              })}
        </p>
      ) : null}
      <dl className="audit-facts">
        <div>
          <dt>{t('audit.resultEntries')}</dt>
          <dd>{number(result.entries)}</dd>
        </div>
        <div>
          <dt>{t('audit.resultHead')}</dt>
          <dd>
            <code className="audit-hash" dir="ltr">
              {result.head}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('audit.resultCheckedAt')}</dt>
          <dd>{formatDateTime(checkedAt, i18n.language, 'medium')}</dd>
        </div>
      </dl>
    </div>
  );
}
