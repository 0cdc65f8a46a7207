import { ATTACHMENT_LIMITS } from '@haven/shared';
import { Layout } from '../components/Layout';
import { PageHeading } from '../components/PageHeading';
import { inMinutes } from '../format';
import type { TranslationKey } from '../i18n';
import { usePage } from '../PageContext';
import { FILE_REFUSALS } from '../reportForm';

/** The problems an error page explains in their own words; any other gets its status's. */
const EXPLAINED = [
  'not_found',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'idempotency_key_reused',
  'message_contains_receipt',
  'unavailable',
] as const;
type Explained = (typeof EXPLAINED)[number] | 'bad_request' | 'internal';

export interface ErrorLink {
  href: string;
  label: TranslationKey;
}

/** An error on a reporter page, in the reporter's language, with a way on. */
export function ErrorPage({
  status,
  code,
  retryAfterSeconds,
  links,
}: {
  status: number;
  code: string;
  retryAfterSeconds?: number;
  links: ErrorLink[];
}) {
  const { t, language, href } = usePage();
  const refusedFile = FILE_REFUSALS.find((refusal) => refusal === code);
  const kind: Explained =
    EXPLAINED.find((explained) => explained === code) ??
    (status >= 500 ? 'internal' : 'bad_request');
  const title = refusedFile ? t('errorPage.titles.file') : t(`errorPage.titles.${kind}`);
  const message = refusedFile
    ? t(`fileErrors.${refusedFile}`, {
        count: ATTACHMENT_LIMITS.maxFiles,
        size: ATTACHMENT_LIMITS.maxFileBytes / (1024 * 1024),
      })
    : t(`errorPage.messages.${kind}`);
  return (
    <Layout title={title} hasErrors>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{message}</p>
      {retryAfterSeconds !== undefined && (
        <p>{t('errorPage.retry', { when: inMinutes(retryAfterSeconds, language.code) })}</p>
      )}
      <ul className="error-links">
        {links.map((link) => (
          <li key={link.href}>
            <a href={href(link.href)}>{t(link.label)}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
