import { REMOVABLE_METADATA, type AttachmentKind } from '@haven/shared';
import { formatList } from '../format';
import { usePage } from '../PageContext';

const KINDS = Object.keys(REMOVABLE_METADATA) as AttachmentKind[];

/**
 * What the copy officers see leaves out of each kind of file, told before any upload: open on
 * the report form, folded where it has been read before (an open case).
 */
export function RemovedFromFiles({ folded = false }: { folded?: boolean }) {
  const { t, language } = usePage();
  const explanation = (
    <>
      <p>{t('removed.intro')}</p>
      <dl>
        {KINDS.filter((kind) => REMOVABLE_METADATA[kind].length > 0).map((kind) => (
          <div key={kind}>
            <dt>{t(`removed.kinds.${kind}`)}</dt>
            <dd>
              {formatList(
                REMOVABLE_METADATA[kind].map((code) => t(`removed.codes.${code}`)),
                language.code,
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p>{t('removed.original')}</p>
      <p>{t('removed.visible')}</p>
    </>
  );
  if (folded) {
    return (
      <details className="removed">
        <summary>{t('removed.title')}</summary>
        {explanation}
      </details>
    );
  }
  return (
    <section className="removed" aria-labelledby="removed-title">
      <h3 id="removed-title">{t('removed.title')}</h3>
      {explanation}
    </section>
  );
}
