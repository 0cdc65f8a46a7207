import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { LegalClocks, ReporterCaseView } from '@haven/shared';
import type { KeyRing } from '../../crypto/KeyRing';
import type { Secrets } from '../../crypto/secrets';
import {
  NotFoundError,
  UnauthorizedError,
  UnprocessableError,
  VersionConflictError,
} from '../../errors';
import type { AuditDraft, CaseRecord, Storage } from '../../storage';
import type { AttachmentService } from '../attachments/AttachmentService';
import { removeTempFiles } from '../attachments/tempFiles';
import { caseBody, toJson, type CaseBody } from '../cases/caseBody';
import { blindIndexesOf } from '../duplicates/blindIndexes';
import { keyedHash, normaliseReceipt } from '../intake/codes';
import { forCase } from '../intake/IntakeService';
import { redact, type ReporterContact } from '../redaction';
import { containsReceipt } from './receiptInText';
import { presentToReporter } from './reporterView';

export interface ReporterDependencies {
  storage: Storage;
  keyRing: KeyRing;
  attachments: AttachmentService;
  secrets: Pick<Secrets, 'receipt' | 'redaction' | 'reporterSession' | 'blindIndex'>;
  /** Days without use after which a receipt no longer opens its case. */
  accessLapseDays: () => Promise<number>;
  /** The legal clocks of a category (its own, or the default). */
  legalClocks: (category: string) => Promise<LegalClocks>;
  now?: () => Date;
}

export interface ReporterSession {
  token: string;
  expiresAt: Date;
  caseId: string;
}

const SESSION_MINUTES = 30;
const AUDIENCE = 'haven:reporter';
const ISSUER = 'haven';
const DAY_MS = 86_400_000;

/** One answer for every receipt that does not open a case: wrong, unknown, malformed, lapsed. */
const notRecognised = () =>
  new UnauthorizedError('That receipt does not open a report. Check it and try again.');

/**
 * The reporter's side after submitting: opening the case with the receipt, reading its status
 * and messages, writing to the officers and adding files. Knows nothing of HTTP or cookies.
 */
export class ReporterService {
  private readonly now: () => Date;

  constructor(private readonly deps: ReporterDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Trades a receipt for a short-lived token scoped to its case. Every failure takes the same
   * path (normalise, hash, one indexed lookup) and ends in the same error.
   */
  async openSession(receiptInput: string): Promise<ReporterSession> {
    const receipt = normaliseReceipt(receiptInput) ?? 'not-a-receipt';
    const record = await this.deps.storage.cases.getByReceiptHash(
      keyedHash(receipt, this.deps.secrets.receipt),
    );
    const now = this.now();
    if (!record || (await this.lapsed(record, now))) throw notRecognised();
    await this.markSeen(record, now);
    const expiresAt = new Date(now.getTime() + SESSION_MINUTES * 60_000);
    const token = jwt.sign({}, this.deps.secrets.reporterSession, {
      algorithm: 'HS256',
      audience: AUDIENCE,
      issuer: ISSUER,
      subject: record.id,
      jwtid: randomUUID(),
      expiresIn: SESSION_MINUTES * 60,
    });
    return { token, expiresAt, caseId: record.id };
  }

  /** The case a reporter token opens; throws `UnauthorizedError` for any bad token. */
  verifySession(token: string): { caseId: string } {
    try {
      const claims = jwt.verify(token, this.deps.secrets.reporterSession, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        issuer: ISSUER,
      });
      if (typeof claims === 'object' && typeof claims.sub === 'string')
        return { caseId: claims.sub };
    } catch {
      // fall through: every bad token gets the same answer
    }
    throw new UnauthorizedError(
      'Your session has ended. Open your report again with your receipt.',
    );
  }

  async view(caseId: string): Promise<ReporterCaseView> {
    const record = await this.load(caseId);
    const events = await this.deps.storage.timeline.listByCase(caseId, {
      reporterVisibleOnly: true,
    });
    return presentToReporter(record, events, await this.deps.legalClocks(record.category));
  }

  /**
   * A message from the reporter, redacted like the report (same placeholders for the same
   * values), its original sealed. Refused if it contains the receipt itself.
   */
  async postMessage(caseId: string, text: string): Promise<void> {
    const record = await this.load(caseId);
    if (
      record.receiptHash &&
      containsReceipt(text, record.receiptHash, this.deps.secrets.receipt)
    ) {
      throw new UnprocessableError(
        'Your message contains your receipt. Never send your receipt to anyone, us included: remove it and send again.',
        'message_contains_receipt',
      );
    }
    const reporter = await this.contactOf(record);
    let redacted = '';
    await this.updateCase(
      caseId,
      { action: 'case.reporter_message', actorId: null },
      (body, current) => {
        const result = redact(
          text,
          {
            hmacKey: this.deps.secrets.redaction,
            ...(current.country ? { defaultRegion: current.country } : {}),
            ...(reporter ? { reporter } : {}),
          },
          body.redactionState,
        );
        redacted = result.text;
        return { ...body, redactionState: result.state };
      },
      { unread: true },
    );
    const id = randomUUID();
    await this.deps.storage.timeline.append(
      {
        id,
        caseId,
        at: this.now(),
        kind: 'message.reporter',
        actorId: null,
        reporterVisible: true,
        body: {
          text: redacted,
          sealedOriginal: this.deps.keyRing.seal(text, `event:${id}:original`),
        },
      },
      { action: 'reporter.message_added', actorId: null, subject: { type: 'case', id: caseId } },
    );
  }

  /** Files added after the report, stored like the report's own. Temp files are always removed. */
  async addAttachments(caseId: string, files: string[]): Promise<number> {
    try {
      await this.load(caseId);
      const stored = await this.deps.attachments.ingestAll(files);
      const at = this.now();
      try {
        await this.updateCase(
          caseId,
          { action: 'case.reporter_files', actorId: null },
          (body) => ({
            ...body,
            attachments: [
              ...body.attachments,
              ...stored.map((item) => forCase(item, this.deps.keyRing, at)),
            ],
          }),
          {
            unread: true,
            blindIndexes: blindIndexesOf({ attachments: stored }, this.deps.secrets.blindIndex),
          },
        );
      } catch (error) {
        await this.deps.attachments.discard(stored);
        throw error;
      }
      await this.deps.storage.timeline.append(
        {
          id: randomUUID(),
          caseId,
          at,
          kind: 'attachments.added',
          actorId: null,
          reporterVisible: true,
          body: { count: stored.length, attachmentIds: stored.map((item) => item.id) },
        },
        {
          action: 'reporter.files_added',
          actorId: null,
          subject: { type: 'case', id: caseId },
          details: { count: stored.length },
        },
      );
      return stored.length;
    } finally {
      await removeTempFiles(files);
    }
  }

  private async load(caseId: string): Promise<CaseRecord> {
    const record = await this.deps.storage.cases.get(caseId);
    if (!record) throw new NotFoundError();
    return record;
  }

  private async lapsed(record: CaseRecord, now: Date): Promise<boolean> {
    const lastSeen = Date.parse(caseBody(record).reporterLastSeenAt);
    return now.getTime() - lastSeen > (await this.deps.accessLapseDays()) * DAY_MS;
  }

  /** Keeps the last visit to a day, so a visit seldom bumps the case's version under an officer. */
  private async markSeen(record: CaseRecord, now: Date): Promise<void> {
    if (now.getTime() - Date.parse(caseBody(record).reporterLastSeenAt) < DAY_MS) return;
    await this.updateCase(record.id, { action: 'reporter.returned', actorId: null }, (body) => ({
      ...body,
      reporterLastSeenAt: now.toISOString(),
    }));
  }

  private async contactOf(record: CaseRecord): Promise<ReporterContact | undefined> {
    const sealed = caseBody(record).sealed.contact;
    if (!sealed) return undefined;
    return JSON.parse(
      (await this.deps.keyRing.open(sealed, `case:${record.id}:contact`)).toString('utf8'),
    );
  }

  /** Read, change, write with the version read; on a concurrent change, read again and retry. */
  private async updateCase(
    caseId: string,
    audit: Omit<AuditDraft, 'subject'>,
    change: (body: CaseBody, record: CaseRecord) => CaseBody,
    options: {
      /** Whether the change brings staff something new to read from the reporter. */
      unread?: boolean;
      /** Blind indexes of what the change adds (see `blindIndexesOf`). */
      blindIndexes?: string[];
    } = {},
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const record = await this.load(caseId);
      try {
        await this.deps.storage.cases.update(
          caseId,
          record.version,
          {
            body: toJson(change(caseBody(record), record)),
            ...(options.unread ? { unreadFromReporter: record.unreadFromReporter + 1 } : {}),
            ...(options.blindIndexes
              ? { blindIndexes: [...new Set([...record.blindIndexes, ...options.blindIndexes])] }
              : {}),
          },
          { ...audit, subject: { type: 'case', id: caseId } },
        );
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 5) throw error;
      }
    }
  }
}
