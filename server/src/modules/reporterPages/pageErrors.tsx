import type { ErrorRequestHandler, Request } from 'express';
import { TooManyRequestsError, UnauthorizedError } from '../../errors';
import { toHavenError } from '../../http/problem';
import type { Logger } from '../../logger';
import type { ReporterAssets } from './assets';
import { ErrorPage, type ErrorLink } from './pages/ErrorPage';
import { pageFor, sendPage } from './render';

/**
 * Errors on the reporter's pages answer an HTML page, translated, rather than problem+json:
 * the same mapping of errors to statuses as the API, and never a 5xx's details.
 */
export function pageErrors(logger: Logger, assets: ReporterAssets | null): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toHavenError(error);
    if (!known) logger.error({ err: error, reqId: req.id }, 'unhandled error');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const retryAfterSeconds =
      known instanceof TooManyRequestsError ? known.retryAfterSeconds : undefined;
    if (retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
    const status = known?.status ?? 500;
    sendPage(
      res,
      pageFor(req, assets),
      <ErrorPage
        status={status}
        code={known?.code ?? 'internal'}
        links={waysOn(req, known instanceof UnauthorizedError)}
        {...(retryAfterSeconds ? { retryAfterSeconds } : {})}
      />,
      status,
    );
  };
}

/** Back to where the reporter was, then the start. */
function waysOn(req: Request, sessionOver: boolean): ErrorLink[] {
  const links: ErrorLink[] = [];
  if (sessionOver) links.push({ href: '/status', label: 'errorPage.openAgain' });
  else if (req.path.startsWith('/status/')) {
    links.push({ href: '/status/case', label: 'errorPage.backToReport' });
  } else if (req.path === '/report') links.push({ href: '/report', label: 'errorPage.backToForm' });
  links.push({ href: '/', label: 'errorPage.home' });
  return links;
}
