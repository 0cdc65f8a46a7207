import type { FilterQuery, Model } from 'mongoose';
import type { AuditDraft, JsonObject, TimelineEvent, TimelineStore } from '../types';
import type { EventDoc } from './models';
import {
  auditSource,
  pendingEntry,
  type AuditSource,
  type MongoAuditStore,
} from './MongoAuditStore';
import { asJson, translateDuplicate, type WriteGate } from './writes';

/** One document per event, in `case_events`; an event is never changed once appended. */
export class MongoTimelineStore implements TimelineStore {
  readonly auditSource: AuditSource;

  constructor(
    private readonly model: Model<EventDoc>,
    private readonly audit: MongoAuditStore,
    gate: WriteGate,
  ) {
    this.auditSource = auditSource(model, gate);
  }

  async append(event: TimelineEvent, audit: AuditDraft): Promise<TimelineEvent> {
    const entry = pendingEntry(audit);
    const doc: EventDoc = {
      _id: event.id,
      caseId: event.caseId,
      at: event.at,
      kind: event.kind,
      actorId: event.actorId,
      reporterVisible: event.reporterVisible,
      body: asJson(event.body),
      pendingAudit: [entry],
    };
    // An insert: the event and its entry are written together or not at all.
    await translateDuplicate(() => this.model.create(doc));
    await this.audit.settle(this.auditSource, doc._id, [entry]);
    return toEvent(doc);
  }

  async listByCase(
    caseId: string,
    options: { reporterVisibleOnly?: boolean } = {},
  ): Promise<TimelineEvent[]> {
    const filter: FilterQuery<EventDoc> = { caseId };
    if (options.reporterVisibleOnly) filter.reporterVisible = true;
    const docs = await this.model.find(filter).sort({ at: 1, _id: 1 }).lean<EventDoc[]>();
    return docs.map(toEvent);
  }
}

/** The event exactly as `types.ts` has it: no `_id`, no `pendingAudit`. */
function toEvent(doc: EventDoc): TimelineEvent {
  return {
    id: doc._id,
    caseId: doc.caseId,
    at: doc.at,
    kind: doc.kind,
    actorId: doc.actorId ?? null,
    reporterVisible: doc.reporterVisible,
    body: doc.body as JsonObject,
  };
}
