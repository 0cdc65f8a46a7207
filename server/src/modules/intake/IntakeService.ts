import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import canonicalize from 'canonicalize';
import type { Category, ReportReceipt, ReportSubmission } from '@haven/shared';
import type { KeyRing } from '../../crypto/KeyRing';
import type { Secrets } from '../../crypto/secrets';
import { ConflictError, UnprocessableError, ValidationError } from '../../errors';
import type { CaseRecord, Storage } from '../../storage';
import type { AttachmentService } from '../attachments/AttachmentService';
import type { IngestedAttachment } from '../attachments/StoredAttachment';
import { toJson, type CaseAttachment, type CaseBody } from '../cases/caseBody';
import { removeTempFiles } from '../attachments/tempFiles';
import { blindIndexesOf } from '../duplicates/blindIndexes';
import { emptyRedactionState } from '../redaction';
import { platformOf } from '../stats/platform';
import { keyedHash, newReceipt, newReference, receiptForIdempotencyKey } from './codes';
import { redactReportText, reportText } from './reportText';

export interface IntakeDependencies {
  storage: Storage;
  keyRing: KeyRing;
  attachments: AttachmentService;
  secrets: Pick<
    Secrets,
    'receipt' | 'idempotency' | 'receiptDerivation' | 'redaction' | 'blindIndex'
  >;
  categories: () => Promise<Category[]>;
  now?: () => Date;
}

export interface Submission {
  report: ReportSubmission;
  /** The client's `Idempotency-Key`, already checked for shape. */
  idempotencyKey?: string;
  /** Uploaded temp files, in order; removed whatever happens. */
  files?: string[];
}

export interface SubmissionResult extends ReportReceipt {
  /** False when this was a retry answered with the first submission's result. */
  created: boolean;
}

/**
 * Takes a report from a reporter and makes it a case: validates it against the configured
 * categories, redacts personal data from its text, seals the original and the contact, stores
 * the attachments twice (sealed original, scrubbed copy), and writes the case with its audit
 * entry. The reporter's receipt is returned once and kept only as a keyed hash.
 */
export class IntakeService {
  private readonly now: () => Date;

  constructor(private readonly deps: IntakeDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  async submit({ report, idempotencyKey, files = [] }: Submission): Promise<SubmissionResult> {
    try {
      await this.checkCategory(report);
      const keyHash = idempotencyKey
        ? keyedHash(idempotencyKey, this.deps.secrets.idempotency)
        : null;
      const requestHash = await hashRequest(report, files);
      if (idempotencyKey && keyHash) {
        const earlier = await this.deps.storage.cases.getByIdempotencyKey(keyHash);
        if (earlier) return this.replay(earlier, idempotencyKey, requestHash);
      }
      const attachments = await this.deps.attachments.ingestAll(files);
      try {
        return await this.create(report, attachments, requestHash, idempotencyKey, keyHash);
      } catch (error) {
        await this.deps.attachments.discard(attachments);
        // Two deliveries of one submission raced: the other was stored first, so answer as a retry.
        if (error instanceof ConflictError && idempotencyKey && keyHash) {
          const earlier = await this.deps.storage.cases.getByIdempotencyKey(keyHash);
          if (earlier) return this.replay(earlier, idempotencyKey, requestHash);
        }
        throw error;
      }
    } finally {
      await removeTempFiles(files);
    }
  }

  private async create(
    report: ReportSubmission,
    attachments: IngestedAttachment[],
    requestHash: string,
    idempotencyKey: string | undefined,
    keyHash: string | null,
  ): Promise<SubmissionResult> {
    const { keyRing, secrets, storage } = this.deps;
    const id = randomUUID();
    const createdAt = this.now();
    const receipt = idempotencyKey
      ? receiptForIdempotencyKey(idempotencyKey, secrets.receiptDerivation)
      : newReceipt();
    const original = reportText(report);
    const redacted = redactReportText(
      original,
      {
        hmacKey: secrets.redaction,
        ...(report.country ? { defaultRegion: report.country } : {}),
        ...(report.contact ? { reporter: report.contact } : {}),
      },
      emptyRedactionState(),
    );
    // From what the reporter wrote: redaction may have replaced parts of an address or a handle.
    const blindIndexes = blindIndexesOf(
      {
        urls: original.urls,
        handles: original.handles,
        platform: original.platform,
        attachments,
      },
      secrets.blindIndex,
    );

    const body: CaseBody = {
      subcategory: report.subcategory ?? null,
      occurredOn: report.occurredOn ?? null,
      language: report.language,
      targets: report.targets,
      text: redacted.text,
      redactionState: redacted.state,
      sealed: {
        original: keyRing.seal(JSON.stringify(original), `case:${id}:original`),
        contact: report.contact
          ? keyRing.seal(JSON.stringify(report.contact), `case:${id}:contact`)
          : null,
      },
      attachments: attachments.map((attachment) => forCase(attachment, keyRing, createdAt)),
      requestHash,
      reporterLastSeenAt: createdAt.toISOString(),
    };

    // A reference is short, so it may collide: draw again (the idempotency key cannot, see caller).
    for (let attempt = 1; ; attempt += 1) {
      const reference = newReference();
      try {
        await storage.cases.insert(
          {
            id,
            reference,
            status: 'new',
            category: report.category,
            country: report.country ?? null,
            severity: null,
            assigneeId: null,
            month: createdAt.toISOString().slice(0, 7),
            platform: platformOf(report),
            targets: report.targets,
            createdAt,
            idempotencyKey: keyHash,
            receiptHash: keyedHash(receipt, secrets.receipt),
            blindIndexes,
            body: toJson(body),
          },
          {
            action: 'report.received',
            actorId: null,
            subject: { type: 'case', id },
            details: {
              category: report.category,
              attachments: attachments.length,
              redactions: redacted.found,
            },
          },
        );
        return { reference, receipt, created: true };
      } catch (error) {
        const referenceTaken =
          error instanceof ConflictError &&
          attempt < 5 &&
          (await storage.cases.getByReference(reference)) !== null;
        if (!referenceTaken) throw error;
      }
    }
  }

  private replay(earlier: CaseRecord, idempotencyKey: string, requestHash: string) {
    if (earlier.body.requestHash !== requestHash) {
      throw new UnprocessableError(
        'This Idempotency-Key was used for a different report. Use a new key for a new report.',
        'idempotency_key_reused',
      );
    }
    const receipt = receiptForIdempotencyKey(idempotencyKey, this.deps.secrets.receiptDerivation);
    return { reference: earlier.reference, receipt, created: false };
  }

  private async checkCategory(report: ReportSubmission): Promise<void> {
    const category = (await this.deps.categories()).find((item) => item.id === report.category);
    if (!category) {
      throw new ValidationError('category: not one of the categories offered', [
        { path: 'category', message: 'not one of the categories offered' },
      ]);
    }
    if (
      report.subcategory &&
      !category.subcategories.some((sub) => sub.id === report.subcategory)
    ) {
      throw new ValidationError('subcategory: not part of the chosen category', [
        { path: 'subcategory', message: 'not part of the chosen category' },
      ]);
    }
  }
}

/**
 * What a retry must repeat exactly: the report (less the parts a browser re-creates on each try,
 * the proof of work and the honeypot) and the files' bytes.
 */
async function hashRequest(report: ReportSubmission, files: string[]): Promise<string> {
  const { proofOfWork: _proof, website: _honeypot, ...content } = report;
  const hash = createHash('sha256').update(canonicalize(content)!);
  for (const file of files) {
    hash.update('\0file\0');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * An attachment as the case keeps it: content digests sealed (a plain digest would let anyone
 * with the database confirm that a known file was reported). The perceptual hash is sealed with
 * them, so that blind indexes can be computed again (under a new key, say) without the files.
 */
export function forCase(
  attachment: IngestedAttachment,
  keyRing: KeyRing,
  at: Date,
): CaseAttachment {
  const { sha256, scrubbedSha256, perceptualHash, ...rest } = attachment;
  return {
    ...rest,
    digests: keyRing.seal(
      JSON.stringify({ sha256, scrubbedSha256, perceptualHash }),
      `attachment:${attachment.id}:digests`,
    ),
    addedAt: at.toISOString(),
  };
}
