import { randomBytes } from 'node:crypto';
import type { LanguageCode } from '@haven/shared';
import { HavenError, TooManyRequestsError, ValidationError, type FieldIssue } from '../../errors';

/** The report form's fields, in the order the form shows them. */
export const REPORT_FIELDS = [
  'topic',
  'narrative',
  'targets',
  'country',
  'occurredOn',
  'platform',
  'urls',
  'handles',
  'files',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactChannel',
  'website',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Text fields a multipart report form may carry (targets repeat, one per box ticked). */
export const REPORT_FORM_TEXT_FIELDS = 40;

/** The codes of the service's refusals of a file, each explained to the reporter. */
export const FILE_REFUSALS = [
  'unsupported_media_type',
  'payload_too_large',
  'attachment_empty',
  'attachment_unreadable',
  'attachment_encrypted',
] as const;
export type FileRefusal = (typeof FILE_REFUSALS)[number];

/** What the form holds, as typed: shown again as is when something needs fixing. */
export interface ReportFormValues {
  topic: string;
  narrative: string;
  targets: string[];
  country: string;
  occurredOn: string;
  platform: string;
  urls: string;
  handles: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactChannel: string;
  website: string;
  idempotencyKey: string;
  proofOfWorkChallenge: string;
  proofOfWorkNonce: string;
}

/** Why a submitted form is shown again instead of a receipt. */
export interface FormProblems {
  fields: ReportField[];
  /** The service's reason for refusing a file. */
  files?: FileRefusal;
  /** Too many reports from this sender: when to try again. */
  retryAfterSeconds?: number;
}

export const EMPTY_REPORT_FORM: ReportFormValues = reportFormValues({});

/** Separates a category from its subcategory in the one `<select>` that offers both. */
export const TOPIC_SEPARATOR = '/';

/** A fresh key for each form shown (144 bits): a double submit then gets the same receipt. */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString('base64url');
}

/** Picks the form's fields out of a parsed body; anything missing or odd becomes empty. */
export function reportFormValues(body: unknown): ReportFormValues {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (name: string): string => {
    const value = fields[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : '';
  };
  const targets = fields.targets;
  return {
    topic: text('topic'),
    narrative: text('narrative'),
    targets: (Array.isArray(targets) ? targets : [targets]).filter(
      (target): target is string => typeof target === 'string',
    ),
    country: text('country'),
    occurredOn: text('occurredOn'),
    platform: text('platform'),
    urls: text('urls'),
    handles: text('handles'),
    contactName: text('contactName'),
    contactEmail: text('contactEmail'),
    contactPhone: text('contactPhone'),
    contactChannel: text('contactChannel'),
    website: text('website'),
    idempotencyKey: text('idempotencyKey'),
    proofOfWorkChallenge: text('proofOfWork.challenge'),
    proofOfWorkNonce: text('proofOfWork.nonce'),
  };
}

/**
 * The form as the input of `ReportSubmissionSchema`, which then validates it: empty fields are
 * left out, the lists are one item a line, and the topic splits into category and subcategory.
 */
export function reportFromForm(
  values: ReportFormValues,
  language: LanguageCode,
): Record<string, unknown> {
  const [category, subcategory] = values.topic.split(TOPIC_SEPARATOR);
  const given = (value: string) => value.trim() || undefined;
  const contact = {
    name: given(values.contactName),
    email: given(values.contactEmail),
    phone: given(values.contactPhone),
    preferredChannel: given(values.contactChannel),
  };
  // A channel alone says nothing about how to reach the reporter.
  const hasContact = Boolean(contact.name || contact.email || contact.phone);
  const challenge = given(values.proofOfWorkChallenge);
  const nonce = given(values.proofOfWorkNonce);
  return withoutUndefined({
    category: category ?? '',
    subcategory: given(subcategory ?? ''),
    narrative: values.narrative,
    country: given(values.country),
    occurredOn: given(values.occurredOn),
    platform: given(values.platform),
    urls: lines(values.urls),
    handles: lines(values.handles),
    targets: values.targets,
    language,
    contact: hasContact ? withoutUndefined(contact) : undefined,
    website: values.website || undefined,
    proofOfWork: challenge && nonce ? { challenge, nonce } : undefined,
  });
}

/**
 * The problems of a refused submission that the reporter can fix in the form, or `null` when
 * the refusal is of another kind (and an error page answers).
 */
export function formProblemsOf(error: unknown): FormProblems | null {
  if (error instanceof TooManyRequestsError) {
    return { fields: [], retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof ValidationError) {
    const fields = fieldsOf(error.issues);
    return fields.length ? { fields } : null;
  }
  if (error instanceof HavenError && (FILE_REFUSALS as readonly string[]).includes(error.code)) {
    return { fields: ['files'], files: error.code as FileRefusal };
  }
  return null;
}

function fieldsOf(issues: FieldIssue[]): ReportField[] {
  const named = new Set(issues.map((issue) => fieldOf(issue.path)));
  return REPORT_FIELDS.filter((field) => named.has(field));
}

const CONTACT_FIELDS: Record<string, ReportField> = {
  name: 'contactName',
  email: 'contactEmail',
  phone: 'contactPhone',
  preferredChannel: 'contactChannel',
};

/** From a path in the submission (`urls.2`, `contact.email`) to the form field that holds it. */
function fieldOf(path: string): ReportField | undefined {
  const [head, next] = path.split('.');
  if (head === 'category' || head === 'subcategory') return 'topic';
  if (head === 'contact') return next ? CONTACT_FIELDS[next] : undefined;
  return REPORT_FIELDS.find((field) => field === head);
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function withoutUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
