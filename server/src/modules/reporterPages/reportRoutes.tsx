import { Router } from 'express';
import { ReportSubmissionSchema } from '@haven/shared';
import { HavenError } from '../../errors';
import { multipartUpload, uploadedFiles } from '../../http/multipart';
import { parseRequest } from '../../http/validate';
import { removeTempFiles } from '../attachments/tempFiles';
import { formDefinition, IdempotencyKeySchema, throttleReport } from '../intake/routes';
import type { PageDependencies } from './deps';
import { LandingPage } from './pages/LandingPage';
import { ReceiptPage } from './pages/ReceiptPage';
import { ReportFormPage } from './pages/ReportFormPage';
import { SafetyPage } from './pages/SafetyPage';
import { pageFor, sendPage } from './render';
import {
  EMPTY_REPORT_FORM,
  formProblemsOf,
  newIdempotencyKey,
  REPORT_FORM_TEXT_FIELDS,
  reportFormValues,
  reportFromForm,
} from './reportForm';
import { sameOriginOnly } from './session';

/** The start page, the safety guidance, and the report: its form and its receipt. */
export function reportRoutes({ services, assets, publicUrl }: PageDependencies): Router {
  const router = Router();

  router.get('/', (req, res) => {
    sendPage(res, pageFor(req, assets), <LandingPage />);
  });

  router.get('/safety', (req, res) => {
    sendPage(res, pageFor(req, assets), <SafetyPage />);
  });

  router.get('/report', async (req, res) => {
    sendPage(
      res,
      pageFor(req, assets),
      <ReportFormPage
        form={await formDefinition(services)}
        values={EMPTY_REPORT_FORM}
        idempotencyKey={newIdempotencyKey()}
      />,
    );
  });

  // The receipt is the answer to this post itself: never in an address, never in a redirect.
  router.post(
    '/report',
    sameOriginOnly,
    multipartUpload(REPORT_FORM_TEXT_FIELDS),
    async (req, res) => {
      const page = pageFor(req, assets);
      const files = uploadedFiles(req);
      const values = reportFormValues(req.body);
      try {
        const idempotencyKey = parseRequest(IdempotencyKeySchema, values.idempotencyKey, 'form');
        const report = parseRequest(
          ReportSubmissionSchema,
          reportFromForm(values, page.language.code),
          'report',
        );
        await throttleReport(services, req, report);
        const { reference, receipt } = await services.intake.submit({
          report,
          idempotencyKey,
          files,
        });
        // The dates the reporter can expect answers by are the case view's.
        const { caseId } = await services.reporter.openSession(receipt);
        const { acknowledgeBy, answerBy } = await services.reporter.view(caseId);
        sendPage(
          res,
          page,
          <ReceiptPage
            reference={reference}
            receipt={receipt}
            acknowledgeBy={acknowledgeBy}
            answerBy={answerBy}
            statusUrl={`${publicUrl}/status`}
          />,
        );
      } catch (error) {
        const problems = formProblemsOf(error);
        if (!problems) throw error;
        if (problems.retryAfterSeconds) {
          res.setHeader('Retry-After', String(problems.retryAfterSeconds));
        }
        sendPage(
          res,
          page,
          <ReportFormPage
            form={await formDefinition(services)}
            values={values}
            idempotencyKey={newIdempotencyKey()}
            problems={problems}
            filesDropped={files.length > 0}
          />,
          error instanceof HavenError ? error.status : 400,
        );
      } finally {
        await removeTempFiles(files);
      }
    },
  );

  return router;
}
