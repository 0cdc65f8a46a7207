import {
  addDays,
  CLOSED_STATUSES,
  type CaseDetail,
  type CaseStatus,
  type CaseSummary,
  type CaseTimelineEntry,
  type DuplicateCandidate,
  type LegalClocks,
  type Severity,
  type TlpLabel,
} from '@haven/shared';
import type { CaseRecord, TimelineEvent } from '../../storage';
import { caseBody } from './caseBody';

const EXCERPT_LENGTH = 160;

export type Person = { id: string; displayName: string };
/** Finds staff names for ids (memoised per request by the caller). */
export type PeopleLookup = (id: string | null) => Promise<Person | null>;

export function isOverdue(record: CaseRecord, now: Date): boolean {
  return (
    record.slaDueAt !== null &&
    record.slaDueAt.getTime() < now.getTime() &&
    !CLOSED_STATUSES.includes(record.status as CaseStatus)
  );
}

/** The legal clocks' dates, and the next one not yet met. */
function legalDates(record: CaseRecord, clocks: LegalClocks) {
  const body = caseBody(record);
  const acknowledgeBy = addDays(record.createdAt, clocks.acknowledgementDays);
  const answerBy = addDays(record.createdAt, clocks.answerDays);
  const next: CaseSummary['legalDeadline'] = !body.acknowledgedAt
    ? { kind: 'acknowledgement', due: acknowledgeBy }
    : !body.answeredAt
      ? { kind: 'answer', due: answerBy }
      : null;
  return { acknowledgeBy, answerBy, next };
}

/** A queue row: redacted text only, cut short. */
export async function presentSummary(
  record: CaseRecord,
  context: { people: PeopleLookup; clocks: LegalClocks; duplicateSuggestionCount: number },
  now: Date,
): Promise<CaseSummary> {
  const { people, clocks } = context;
  const body = caseBody(record);
  const narrative = body.text.narrative;
  return {
    id: record.id,
    reference: record.reference,
    status: record.status as CaseStatus,
    category: record.category,
    subcategory: body.subcategory,
    country: record.country,
    severity: record.severity as Severity | null,
    tlp: record.tlp as TlpLabel,
    tags: record.tags,
    assignee: await people(record.assigneeId),
    receivedAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    slaDueAt: record.slaDueAt?.toISOString() ?? null,
    overdue: isOverdue(record, now),
    legalDeadline: legalDates(record, clocks).next,
    unreadFromReporter: record.unreadFromReporter,
    escalationRequested: Boolean(body.escalationRequest),
    duplicateSuggestionCount: context.duplicateSuggestionCount,
    excerpt:
      narrative.length > EXCERPT_LENGTH ? `${narrative.slice(0, EXCERPT_LENGTH - 1)}…` : narrative,
    version: record.version,
  };
}

export interface CaseContext {
  events: TimelineEvent[];
  clocks: LegalClocks;
  linked: (id: string) => Promise<CaseRecord | null>;
  suggestions: DuplicateCandidate[];
}

/** The case page: everything staff with a case role may see, never a sealed value. */
export async function presentDetail(
  record: CaseRecord,
  context: CaseContext,
  people: PeopleLookup,
  now: Date,
): Promise<CaseDetail> {
  const body = caseBody(record);
  const link = async (id: string) => {
    const other = await context.linked(id);
    return other
      ? { id: other.id, reference: other.reference, status: other.status as CaseStatus }
      : null;
  };
  const duplicates = await Promise.all((body.duplicates ?? []).map(link));
  const dates = legalDates(record, context.clocks);
  return {
    ...(await presentSummary(
      record,
      { people, clocks: context.clocks, duplicateSuggestionCount: context.suggestions.length },
      now,
    )),
    occurredOn: body.occurredOn,
    language: body.language,
    targets: body.targets,
    text: body.text,
    hasContact: body.sealed.contact !== null,
    attachments: body.attachments.map((attachment) => ({
      id: attachment.id,
      kind: attachment.kind,
      mediaType: attachment.mediaType,
      size: attachment.scrubbedSize,
      addedAt: attachment.addedAt,
      removed: attachment.removed,
    })),
    timeline: await Promise.all(context.events.map((event) => presentEvent(event, people))),
    clocks: {
      acknowledgeBy: dates.acknowledgeBy,
      acknowledgedAt: body.acknowledgedAt ?? null,
      answerBy: dates.answerBy,
      answeredAt: body.answeredAt ?? null,
    },
    duplicateOf: body.duplicateOf ? await link(body.duplicateOf.caseId) : null,
    duplicates: duplicates.filter((item) => item !== null),
    suggestedDuplicates: context.suggestions,
  };
}

const KIND_OF_EVENT: Record<string, CaseTimelineEntry['kind']> = {
  transition: 'transition',
  assignment: 'assignment',
  classification: 'classification',
  'escalation.requested': 'escalation_requested',
  note: 'note',
  'message.staff': 'message_from_staff',
  'message.reporter': 'message_from_reporter',
  'attachments.added': 'files_added',
  reveal: 'reveal',
  link: 'link',
};

/** One timeline event for staff: the fields its kind has, and names instead of ids. */
async function presentEvent(
  event: TimelineEvent,
  people: PeopleLookup,
): Promise<CaseTimelineEntry> {
  const { body } = event;
  const text = (key: string) =>
    typeof body[key] === 'string' ? { [key]: body[key] as string } : {};
  const entry: CaseTimelineEntry = {
    id: event.id,
    at: event.at.toISOString(),
    kind: KIND_OF_EVENT[event.kind] ?? 'note',
    actor: await people(event.actorId),
    reporterVisible: event.reporterVisible,
    ...text('text'),
    ...text('from'),
    ...text('to'),
    ...text('reason'),
    ...text('field'),
  };
  if (Array.isArray(body.changed)) entry.changed = body.changed.map(String);
  if (event.kind === 'assignment') {
    entry.assignee = await people((body.assigneeId as string | null) ?? null);
  }
  if (typeof body.otherCaseId === 'string') {
    entry.otherCase = { id: body.otherCaseId, reference: String(body.otherReference) };
    entry.link = body.action as CaseTimelineEntry['link'];
  }
  if (typeof body.count === 'number') entry.files = body.count;
  return entry;
}
