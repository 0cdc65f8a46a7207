import { Router, type Request } from 'express';
import {
  ACCEPTED_MEDIA_TYPES,
  ATTACHMENT_LIMITS,
  COUNTRY_CODES,
  FormDefinitionSchema,
  LANGUAGES,
  REMOVABLE_METADATA,
  REPORT_LIMITS,
  ReportReceiptSchema,
  ReportSubmissionSchema,
  TARGETED_CHARACTERISTICS,
  type FormDefinition,
  type ReportSubmission,
} from '@haven/shared';
import { z } from 'zod';
import { MalformedRequestError, ValidationError } from '../../errors';
import { publicAccess } from '../../http/access';
import { senderKey } from '../../http/clientAddress';
import { multipartUpload, uploadedFiles } from '../../http/multipart';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import { parseRequest } from '../../http/validate';
import type { Services } from '../../services';
import { removeTempFiles } from '../attachments/tempFiles';

/** Clients pick a fresh random key per report: a UUID, or at least 16 URL-safe characters. */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

/** The public intake API: the form's definition and the submission of a report. */
export function intakeRoutes(services: Services): Router {
  const router = Router();

  router.get('/public/form', publicAccess(), async (_req, res) => {
    res.json(await formDefinition(services));
  });

  router.post('/public/reports', publicAccess(), multipartUpload(1), async (req, res) => {
    const files = uploadedFiles(req);
    try {
      const report = parseRequest(ReportSubmissionSchema, reportPayload(req), 'report');
      const idempotencyKey = idempotencyKeyOf(req);
      await throttleReport(services, req, report);
      const result = await services.intake.submit({
        report,
        files,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      });
      if (!result.created) res.setHeader('Idempotent-Replayed', 'true');
      res.status(201).json({ reference: result.reference, receipt: result.receipt });
    } finally {
      // The service removes them once it has them; this covers refusals before that.
      await removeTempFiles(files);
    }
  });

  return router;
}

export async function formDefinition(services: Services): Promise<FormDefinition> {
  return {
    categories: await services.settings.categories(),
    countries: COUNTRY_CODES,
    targets: [...TARGETED_CHARACTERISTICS],
    languages: LANGUAGES.map(({ code, dir }) => ({ code, dir })),
    limits: REPORT_LIMITS,
    attachments: {
      maxFileBytes: ATTACHMENT_LIMITS.maxFileBytes,
      maxFiles: ATTACHMENT_LIMITS.maxFiles,
      mediaTypes: Object.keys(ACCEPTED_MEDIA_TYPES),
      removed: REMOVABLE_METADATA,
    },
    proofOfWork: services.proofOfWork?.issue() ?? null,
  };
}

/** JSON body, or the `report` field of a multipart form holding the same JSON. */
function reportPayload(req: Request): unknown {
  if (!req.is('multipart/form-data')) return req.body;
  const field = (req.body as Record<string, unknown> | undefined)?.report;
  if (typeof field !== 'string') {
    throw new ValidationError(
      'report: the form needs a "report" field holding the report as JSON',
      [{ path: 'report', message: 'required' }],
    );
  }
  try {
    return JSON.parse(field);
  } catch {
    throw new MalformedRequestError('The "report" field is not valid JSON.');
  }
}

function idempotencyKeyOf(req: Request): string | undefined {
  const header = req.get('Idempotency-Key');
  if (header === undefined) return undefined;
  const parsed = IdempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw new ValidationError(
      'Idempotency-Key: 16 to 128 letters, digits, - or _ (a UUID will do)',
      [{ path: 'Idempotency-Key', message: 'invalid' }],
    );
  }
  return parsed.data;
}

/** A solved proof of work earns the ordinary budget; without one, a stricter one applies. */
export async function throttleReport(
  services: Services,
  req: Request,
  report: ReportSubmission,
): Promise<void> {
  const proven =
    !services.proofOfWork ||
    (report.proofOfWork !== undefined &&
      services.proofOfWork.redeem(report.proofOfWork.challenge, report.proofOfWork.nonce));
  await services.throttle.consume(
    proven ? 'report' : 'reportWithoutProof',
    senderKey(req, services.addressKeys),
  );
}

export const describeIntakeRoutes: DescribeRoutes = (registry) => {
  registry.registerPath({
    method: 'get',
    path: '/api/v1/public/form',
    summary: 'What the report form offers: categories, countries, limits, accepted files',
    tags: ['reporting'],
    responses: {
      200: {
        description: 'The form',
        content: { 'application/json': { schema: FormDefinitionSchema } },
      },
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/public/reports',
    summary: 'Submit a report; the receipt in the answer is shown once and cannot be recovered',
    tags: ['reporting'],
    request: {
      headers: z.object({ 'Idempotency-Key': IdempotencyKeySchema.optional() }),
      body: {
        content: {
          'application/json': { schema: ReportSubmissionSchema },
          'multipart/form-data': {
            schema: z.object({
              report: z.string().describe('The report as JSON (ReportSubmission)'),
              files: z.array(z.string().meta({ format: 'binary' })).max(ATTACHMENT_LIMITS.maxFiles),
            }),
          },
        },
      },
    },
    responses: {
      201: {
        description: 'Received',
        content: { 'application/json': { schema: ReportReceiptSchema } },
      },
      400: problemResponse('Invalid report'),
      413: problemResponse('Too large: body, a file, or too many files'),
      415: problemResponse('A file type that is not accepted'),
      422: problemResponse(
        'Idempotency-Key reused for another report, or a file that cannot be read',
      ),
      429: problemResponse('Too many reports from this sender; retry later'),
    },
  });
};
