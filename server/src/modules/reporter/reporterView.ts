import {
  addDays,
  reporterStatusOf,
  type CaseStatus,
  type LegalClocks,
  type ReporterCaseView,
  type ReporterTimelineEntry,
} from '@haven/shared';
import type { CaseRecord, TimelineEvent } from '../../storage';
import { caseBody } from '../cases/caseBody';

/** The reporter's view of a case: a presenter that lists each field allowed out. */
export function presentToReporter(
  record: CaseRecord,
  events: TimelineEvent[],
  clocks: LegalClocks,
): ReporterCaseView {
  const { attachments } = caseBody(record);
  return {
    reference: record.reference,
    status: reporterStatusOf(record.status as CaseStatus),
    submittedAt: record.createdAt.toISOString(),
    acknowledgeBy: addDays(record.createdAt, clocks.acknowledgementDays),
    answerBy: addDays(record.createdAt, clocks.answerDays),
    timeline: events.flatMap(toTimelineEntry),
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      kind: attachment.kind,
      mediaType: attachment.mediaType,
      size: attachment.size,
      addedAt: attachment.addedAt,
      removed: attachment.removed,
    })),
  };
}

function toTimelineEntry(event: TimelineEvent): ReporterTimelineEntry[] {
  const base = { id: event.id, at: event.at.toISOString() };
  switch (event.kind) {
    case 'message.reporter':
      return [{ ...base, kind: 'message_from_reporter', text: String(event.body.text) }];
    case 'message.staff':
      return [{ ...base, kind: 'message_from_staff', text: String(event.body.text) }];
    case 'transition':
      return [
        { ...base, kind: 'status_changed', status: reporterStatusOf(event.body.to as CaseStatus) },
      ];
    case 'attachments.added':
      return [{ ...base, kind: 'files_added', files: Number(event.body.count) }];
    default:
      return [];
  }
}
