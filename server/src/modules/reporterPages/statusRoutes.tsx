import { Router, type Request } from 'express';
import { ReporterMessageSchema, ReporterSessionRequestSchema } from '@haven/shared';
import { z } from 'zod';
import { UnauthorizedError } from '../../errors';
import { senderKey } from '../../http/clientAddress';
import { multipartUpload, uploadedFiles } from '../../http/multipart';
import { parseRequest } from '../../http/validate';
import { removeTempFiles } from '../attachments/tempFiles';
import { formDefinition } from '../intake/routes';
import type { PageDependencies } from './deps';
import { pageLanguage, withLanguage } from './language';
import { CasePage, type CaseNotice } from './pages/CasePage';
import { StatusEntryPage } from './pages/StatusEntryPage';
import { pageFor, sendPage } from './render';
import {
  checkCsrfToken,
  clearSessionCookie,
  csrfTokenFor,
  openedCase,
  sameOriginOnly,
  sessionTokenOf,
  setSessionCookie,
} from './session';

const NOTICES: CaseNotice[] = ['message', 'files'];

/**
 * Coming back with the receipt: it opens a session held in a cookie, the case page shows the
 * status and messages, and its forms write to the officers, add files, or close the session.
 */
export function statusRoutes({ services, assets, cookie }: PageDependencies): Router {
  const router = Router();
  const csrfKey = services.secrets.reporterSession;
  const backToCase = (req: Request, notice: CaseNotice) =>
    withLanguage(`/status/case?done=${notice}`, pageLanguage(req));

  router.get('/status', (req, res) => {
    sendPage(res, pageFor(req, assets), <StatusEntryPage />);
  });

  router.post('/status', sameOriginOnly, async (req, res) => {
    const page = pageFor(req, assets);
    const { receipt } = parseRequest(
      ReporterSessionRequestSchema,
      { receipt: String((req.body as { receipt?: unknown } | undefined)?.receipt ?? '') },
      'form',
    );
    await services.throttle.consume('receipt', senderKey(req, services.addressKeys));
    try {
      const session = await services.reporter.openSession(receipt);
      setSessionCookie(res, cookie, session.token);
      res.redirect(303, withLanguage('/status/case', page.language));
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      sendPage(res, page, <StatusEntryPage notRecognised />, 401);
    }
  });

  router.get('/status/case', async (req, res) => {
    const { caseId, token } = openedCase(req, cookie, services.reporter);
    const done = NOTICES.find((notice) => notice === req.query.done);
    sendPage(
      res,
      pageFor(req, assets),
      <CasePage
        view={await services.reporter.view(caseId)}
        csrf={csrfTokenFor(token, csrfKey)}
        attachments={(await formDefinition(services)).attachments}
        {...(done ? { notice: done } : {})}
      />,
    );
  });

  router.post('/status/case/messages', sameOriginOnly, async (req, res) => {
    const { caseId, token } = openedCase(req, cookie, services.reporter);
    const body = (req.body ?? {}) as Record<string, unknown>;
    checkCsrfToken(body.csrf, token, csrfKey);
    const { text } = parseRequest(ReporterMessageSchema, { text: body.text }, 'message');
    await services.throttle.consume('reporterWrite', caseId);
    await services.reporter.postMessage(caseId, text);
    res.redirect(303, backToCase(req, 'message'));
  });

  router.post(
    '/status/case/attachments',
    sameOriginOnly,
    // The session is checked before the upload is read, the token (a form field) after.
    (req, _res, next) => {
      openedCase(req, cookie, services.reporter);
      next();
    },
    multipartUpload(1),
    async (req, res) => {
      const files = uploadedFiles(req);
      try {
        const { caseId, token } = openedCase(req, cookie, services.reporter);
        checkCsrfToken((req.body as { csrf?: unknown } | undefined)?.csrf, token, csrfKey);
        parseRequest(z.array(z.string()).min(1, 'choose at least one file'), files, 'form');
        await services.throttle.consume('reporterWrite', caseId);
        await services.reporter.addAttachments(caseId, files);
        res.redirect(303, backToCase(req, 'files'));
      } finally {
        await removeTempFiles(files);
      }
    },
  );

  router.post('/status/leave', sameOriginOnly, (req, res) => {
    const token = sessionTokenOf(req, cookie);
    // Only a live session needs its token checked: closing nothing harms no one.
    if (token && isLive(token)) {
      checkCsrfToken((req.body as { csrf?: unknown } | undefined)?.csrf, token, csrfKey);
    }
    clearSessionCookie(res, cookie);
    res.redirect(303, withLanguage('/', pageLanguage(req)));
  });

  function isLive(token: string): boolean {
    try {
      services.reporter.verifySession(token);
      return true;
    } catch {
      return false;
    }
  }

  return router;
}
