import type { RemovedMetadata, TargetedCharacteristic } from '@haven/shared';
import type { CaseRecord, JsonObject } from '../../storage';
import type { StoredAttachment } from '../attachments/StoredAttachment';
import type { RedactionState } from '../redaction';
import type { ReportText } from '../intake/reportText';

/** An attachment as a case keeps it: its content digests sealed, never in clear. */
export type CaseAttachment = Omit<StoredAttachment, 'sha256' | 'scrubbedSha256' | 'removed'> & {
  removed: RemovedMetadata[];
  /** Sealed `{ sha256, scrubbedSha256, perceptualHash }` (AAD `attachment:<id>:digests`). */
  digests: string;
  addedAt: string;
};

/**
 * The part of a case that storage keeps opaque (`CaseRecord.body`). Only redacted text is in
 * clear; the original text and the reporter's contact are sealed under the key ring.
 */
export interface CaseBody {
  subcategory: string | null;
  occurredOn: string | null;
  language: string;
  targets: TargetedCharacteristic[];
  /** The report's text fields with personal data replaced by placeholders. */
  text: ReportText;
  /** Keyed hashes behind the placeholders, so later texts reuse them (no clear values). */
  redactionState: RedactionState;
  sealed: {
    /** The report's text fields as submitted (AAD `case:<id>:original`). */
    original: string;
    /** The reporter's contact, if given (AAD `case:<id>:contact`). */
    contact: string | null;
  };
  attachments: CaseAttachment[];
  /** What an idempotent retry must repeat exactly (SHA-256 of the request). */
  requestHash: string;
  /** When the reporter last opened the case, to a day; access lapses after long disuse. */
  reporterLastSeenAt: string;
  /** An officer's request that a supervisor decide on escalation (a flag, not a state). */
  escalationRequest?: { at: string; by: string } | null;
  /** When staff first answered: the case left `new`, or a message went to the reporter. */
  acknowledgedAt?: string | null;
  /** When the case first reached a finished state (the substantive answer of the legal clock). */
  answeredAt?: string | null;
  /** The case this one repeats, and the state to restore if the merge is undone. */
  duplicateOf?: { caseId: string; previousStatus: string } | null;
  /** Cases merged into this one. */
  duplicates?: string[];
}

export function caseBody(record: CaseRecord): CaseBody {
  return record.body as unknown as CaseBody;
}

export function toJson(body: CaseBody): JsonObject {
  return body as unknown as JsonObject;
}
