import { z } from 'zod';
import { ATTACHMENT_KINDS } from './attachments';
import { TARGETED_CHARACTERISTICS } from './categories';
import { ContactSchema } from './intake';
import { CASE_STATUSES, SEVERITIES, TLP_LABELS } from './workflow';

// ---------------------------------------------------------------------------------------------
// The triage queue

export const CASE_SORTS = ['priority', 'newest', 'oldest', 'slaDue'] as const;
export type CaseSortName = (typeof CASE_SORTS)[number];

/** A tag: short, lower case, no spaces, so that filtering by one is exact. */
export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.:-]{0,39}$/u, 'letters, digits, - _ . : and at most 40');

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(400)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(item).min(1).max(10));

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The queue's query string: every filter optional, all given ones must hold. */
export const CaseQueueQuerySchema = z
  .object({
    status: csv(z.enum(CASE_STATUSES)).optional(),
    category: z.string().max(60).optional(),
    severity: csv(z.enum([...SEVERITIES, 'none'])).optional(),
    tlp: csv(z.enum(TLP_LABELS)).optional(),
    assignee: z.string().max(100).optional().describe('`me`, `none` (unassigned) or a user id'),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    overdue: flag.optional(),
    unread: flag.optional().describe('Only cases with reporter messages or files not yet read'),
    from: z.iso.date().optional().describe('Received on or after this day (UTC)'),
    to: z.iso.date().optional().describe('Received on or before this day (UTC)'),
    tag: TagSchema.optional(),
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe(
        'Words in the redacted text, all of them; or a case reference, which finds that case alone',
      ),
    sort: z.enum(CASE_SORTS).default('priority'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(400).optional(),
  })
  .strict();
export type CaseQueueQuery = z.input<typeof CaseQueueQuerySchema>;

const PersonSchema = z.object({ id: z.string(), displayName: z.string() });

/** One row of the queue: only redacted text, never anything sealed. */
export const CaseSummarySchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(CASE_STATUSES),
    category: z.string(),
    subcategory: z.string().nullable(),
    country: z.string().nullable(),
    severity: z.enum(SEVERITIES).nullable(),
    tlp: z.enum(TLP_LABELS),
    tags: z.array(z.string()),
    assignee: PersonSchema.nullable(),
    receivedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    slaDueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    /** The next legal-clock date not yet met (acknowledgement, then the answer); `null` when both are. */
    legalDeadline: z
      .object({ kind: z.enum(['acknowledgement', 'answer']), due: z.iso.date() })
      .nullable(),
    unreadFromReporter: z.number().int(),
    escalationRequested: z.boolean(),
    /** How many open cases share a URL, handle, file or image with this one (at most 10). */
    duplicateSuggestionCount: z.number().int(),
    /** The start of the redacted narrative. */
    excerpt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseQueuePageSchema = z
  .object({
    items: z.array(CaseSummarySchema),
    nextCursor: z.string().nullable(),
    /** Cases matching every filter but the status, per status: the tabs. */
    counts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'CaseQueuePage' });
export type CaseQueuePage = z.infer<typeof CaseQueuePageSchema>;

// ---------------------------------------------------------------------------------------------
// One case

export const CaseTimelineEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: z.enum([
    'transition',
    'assignment',
    'classification',
    'escalation_requested',
    'note',
    'message_from_staff',
    'message_from_reporter',
    'files_added',
    'reveal',
    'link',
  ]),
  actor: PersonSchema.nullable(),
  reporterVisible: z.boolean(),
  /** Notes and messages: redacted when they came from the reporter. */
  text: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
  /** Classification: which fields changed. */
  changed: z.array(z.string()).optional(),
  /** Assignment: the new assignee (`null`: unassigned). */
  assignee: PersonSchema.nullable().optional(),
  /** Reveals: what was revealed. */
  field: z.string().optional(),
  /** Links: the other case, and which way the link went. */
  otherCase: z.object({ id: z.string(), reference: z.string() }).optional(),
  link: z.enum(['merged_into', 'merged_from', 'unmerged_from', 'unmerged_into']).optional(),
  files: z.number().int().optional(),
});
export type CaseTimelineEntry = z.infer<typeof CaseTimelineEntrySchema>;

export const StaffAttachmentSchema = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  mediaType: z.string(),
  size: z.number().int().describe('Of the scrubbed copy'),
  addedAt: z.iso.datetime(),
  removed: z.array(z.string()),
});

export const DUPLICATE_SIGNALS = ['url', 'handle', 'file', 'image'] as const;

export const DuplicateCandidateSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  receivedAt: z.iso.datetime(),
  /** What the two cases share, as blind indexes: never the values themselves. */
  shared: z.array(z.enum(DUPLICATE_SIGNALS)),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;

export const LinkedCaseSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
});

export const CaseDetailSchema = CaseSummarySchema.extend({
  occurredOn: z.string().nullable(),
  language: z.string(),
  targets: z.array(z.enum(TARGETED_CHARACTERISTICS)),
  /** The report's text with personal data replaced by placeholders such as `[EMAIL-1]`. */
  text: z.object({
    narrative: z.string(),
    platform: z.string().nullable(),
    urls: z.array(z.string()),
    handles: z.array(z.string()),
  }),
  hasContact: z.boolean(),
  attachments: z.array(StaffAttachmentSchema),
  timeline: z.array(CaseTimelineEntrySchema),
  clocks: z.object({
    acknowledgeBy: z.iso.date(),
    acknowledgedAt: z.iso.datetime().nullable(),
    answerBy: z.iso.date(),
    answeredAt: z.iso.datetime().nullable(),
  }),
  /** The surviving case, when this one was merged into it. */
  duplicateOf: LinkedCaseSchema.nullable(),
  /** Cases merged into this one. */
  duplicates: z.array(LinkedCaseSchema),
  /** Open cases that share a URL, handle, file or image with this one. */
  suggestedDuplicates: z.array(DuplicateCandidateSchema),
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

// ---------------------------------------------------------------------------------------------
// Changes: each carries the version read; a stale one is refused with 409

const VersionSchema = z
  .number()
  .int()
  .min(1)
  .describe('The version read; a stale one is refused (409) and nothing is written.');
export const REASON_MAX = 1_000;
const ReasonSchema = z.string().trim().min(1).max(REASON_MAX);

export const CasePatchRequestSchema = z
  .object({
    version: VersionSchema,
    category: z.string().max(60).optional(),
    subcategory: z.string().max(60).nullable().optional(),
    severity: z.enum(SEVERITIES).optional(),
    tlp: z.enum(TLP_LABELS).optional(),
    tags: z
      .array(TagSchema)
      .max(20)
      .refine((tags) => new Set(tags).size === tags.length, 'each tag once')
      .optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 1, 'nothing to change')
  .meta({ id: 'CasePatchRequest' });
export type CasePatchRequest = z.infer<typeof CasePatchRequestSchema>;

export const TransitionRequestSchema = z
  .object({ version: VersionSchema, to: z.enum(CASE_STATUSES), reason: ReasonSchema.optional() })
  .strict()
  .meta({ id: 'TransitionRequest' });
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

export const AssignRequestSchema = z
  .object({
    version: VersionSchema,
    assigneeId: z.string().max(100).nullable().describe('`null` unassigns'),
  })
  .strict()
  .meta({ id: 'AssignRequest' });
export type AssignRequest = z.infer<typeof AssignRequestSchema>;

export const EscalationRequestSchema = z
  .object({ version: VersionSchema, reason: ReasonSchema })
  .strict()
  .meta({ id: 'EscalationRequest' });
export type EscalationRequest = z.infer<typeof EscalationRequestSchema>;

export const CASE_TEXT_MAX = 5_000;
export const CaseTextRequestSchema = z
  .object({ text: z.string().trim().min(1).max(CASE_TEXT_MAX) })
  .strict()
  .meta({ id: 'CaseTextRequest' });

export const LinkRequestSchema = z
  .object({ version: VersionSchema, otherCaseId: z.string().max(100), reason: ReasonSchema })
  .strict()
  .describe('Merges two cases: the newer becomes a duplicate of the older.')
  .meta({ id: 'LinkRequest' });
export type LinkRequest = z.infer<typeof LinkRequestSchema>;

export const REVEAL_FIELDS = ['narrative', 'contact', 'attachment'] as const;
export const RevealRequestSchema = z
  .object({
    field: z.enum(REVEAL_FIELDS),
    attachmentId: z.string().max(100).optional(),
    reason: z.string().trim().min(10, 'at least 10 characters').max(REASON_MAX),
  })
  .strict()
  .refine((request) => (request.field === 'attachment') === Boolean(request.attachmentId), {
    message: 'attachmentId is needed for an attachment, and only then',
    path: ['attachmentId'],
  })
  .meta({ id: 'RevealRequest' });
export type RevealRequest = z.infer<typeof RevealRequestSchema>;

/** The original text or contact, for this one answer; never cached, never logged. */
export const RevealedSchema = z
  .object({
    field: z.enum(['narrative', 'contact']),
    text: z
      .object({
        narrative: z.string(),
        platform: z.string().nullable(),
        urls: z.array(z.string()),
        handles: z.array(z.string()),
      })
      .optional(),
    contact: ContactSchema.optional(),
  })
  .meta({ id: 'Revealed' });
export type Revealed = z.infer<typeof RevealedSchema>;

/** Staff a case can be assigned to. */
export const AssigneeListSchema = z
  .object({ items: z.array(PersonSchema.extend({ roles: z.array(z.string()) })) })
  .meta({ id: 'AssigneeList' });
export type AssigneeList = z.infer<typeof AssigneeListSchema>;
