import type { Readable } from 'node:stream';
import sharp from 'sharp';
import type { Revealed, RevealRequest } from '@haven/shared';
import type { KeyRing } from '../../crypto/KeyRing';
import { NotFoundError } from '../../errors';
import type { CaseRecord } from '../../storage';
import type { AttachmentService } from '../attachments/AttachmentService';
import { redact, emptyRedactionState } from '../redaction';
import { caseBody, type CaseAttachment } from './caseBody';
import type { Actor, CaseService } from './CaseService';

export interface CaseFilesDependencies {
  cases: CaseService;
  keyRing: KeyRing;
  attachments: AttachmentService;
  /** Spends one of the user's reveals; throws `TooManyRequestsError` when none are left. */
  spendReveal: (userId: string) => Promise<void>;
  redactionKey: Buffer;
}

/** A file as staff download it: bytes, type and a name the server chose. */
export interface CaseFileDownload {
  stream: Readable;
  mediaType: string;
  fileName: string;
}

const THUMBNAIL_PIXELS = 320;

/**
 * What staff read of a case beyond its redacted page: the scrubbed attachments (and their
 * thumbnails), and, through a reveal with a stated reason, the sealed originals.
 */
export class CaseFiles {
  constructor(private readonly deps: CaseFilesDependencies) {}

  async scrubbed(actor: Actor, caseId: string, attachmentId: string): Promise<CaseFileDownload> {
    const { record, attachment, index } = await this.find(actor, caseId, attachmentId);
    await this.deps.cases.audit(actor, record, 'case.attachment_downloaded', { attachmentId });
    return {
      stream: await this.deps.attachments.readScrubbed(attachment),
      mediaType: attachment.mediaType,
      fileName: fileName(record, index, attachment),
    };
  }

  /** A small JPEG of an image attachment's scrubbed copy, for the case page. */
  async thumbnail(actor: Actor, caseId: string, attachmentId: string): Promise<Buffer> {
    const { attachment } = await this.find(actor, caseId, attachmentId);
    if (attachment.kind !== 'image') throw new NotFoundError('This attachment is not an image.');
    const resize = sharp({ failOn: 'none' })
      .rotate()
      .resize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 });
    (await this.deps.attachments.readScrubbed(attachment)).pipe(resize);
    return resize.toBuffer();
  }

  /**
   * The sealed original of a text, the contact or a file, for this one answer. Rate-limited per
   * user and audited with the reason (itself redacted: the log carries no personal data), and
   * recorded on the case's timeline.
   */
  async reveal(
    actor: Actor,
    caseId: string,
    request: RevealRequest,
  ): Promise<{ json: Revealed } | { file: CaseFileDownload }> {
    const record = await this.deps.cases.load(actor, caseId, 'case.reveal');
    const body = caseBody(record);
    const found =
      request.field === 'attachment' ? this.attachmentOf(record, request.attachmentId!) : null;
    if (request.field === 'contact' && !body.sealed.contact) {
      throw new NotFoundError('The reporter left no contact details.');
    }
    await this.deps.spendReveal(actor.userId);
    const reason = redact(
      request.reason,
      { hmacKey: this.deps.redactionKey },
      emptyRedactionState(),
    ).text;
    const details = {
      field: request.field,
      reason,
      ...(found ? { attachmentId: found.attachment.id } : {}),
    };
    await this.deps.cases.appendEvent(actor, record, {
      kind: 'reveal',
      body: { field: request.field, reason: request.reason },
    });
    await this.deps.cases.audit(actor, record, 'case.revealed', details);

    if (found) {
      return {
        file: {
          stream: await this.deps.attachments.readOriginal(found.attachment),
          mediaType: found.attachment.mediaType,
          fileName: fileName(record, found.index, found.attachment, 'original'),
        },
      };
    }
    const aad = `case:${record.id}:${request.field === 'narrative' ? 'original' : 'contact'}`;
    const sealed = request.field === 'narrative' ? body.sealed.original : body.sealed.contact!;
    const value = JSON.parse((await this.deps.keyRing.open(sealed, aad)).toString('utf8'));
    return {
      json:
        request.field === 'narrative'
          ? { field: 'narrative', text: value }
          : { field: 'contact', contact: value },
    };
  }

  private async find(actor: Actor, caseId: string, attachmentId: string) {
    const record = await this.deps.cases.load(actor, caseId, 'case.read');
    return { record, ...this.attachmentOf(record, attachmentId) };
  }

  private attachmentOf(record: CaseRecord, attachmentId: string) {
    const attachments = caseBody(record).attachments;
    const index = attachments.findIndex((item) => item.id === attachmentId);
    if (index < 0) throw new NotFoundError('The case has no such attachment.');
    return { attachment: attachments[index]!, index };
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'video/mp4': 'mp4',
};

/** `HV-7Q2K-9D-2.jpg`: the reference and position, never the reporter's file name. */
function fileName(
  record: CaseRecord,
  index: number,
  attachment: CaseAttachment,
  variant?: 'original',
): string {
  const extension = EXTENSIONS[attachment.mediaType] ?? 'bin';
  return `${record.reference}-${index + 1}${variant ? `-${variant}` : ''}.${extension}`;
}
