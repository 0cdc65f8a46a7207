import type Database from 'better-sqlite3';
import type { AuditDraft, JsonObject, TimelineEvent, TimelineStore } from '../types';
import type { SqliteAuditStore } from './SqliteAuditStore';
import { StatementCache, translateConstraint } from './statements';

interface EventRow {
  id: string;
  case_id: string;
  at: number;
  kind: string;
  actor_id: string | null;
  reporter_visible: number;
  body: string;
}

export class SqliteTimelineStore implements TimelineStore {
  private readonly sql: StatementCache;

  constructor(
    db: Database.Database,
    private readonly audit: SqliteAuditStore,
  ) {
    this.sql = new StatementCache(db);
  }

  async append(event: TimelineEvent, audit: AuditDraft): Promise<TimelineEvent> {
    const row = toRow(event);
    translateConstraint(() =>
      this.audit.withEntry(audit, () =>
        this.sql
          .get(
            `INSERT INTO case_events (id, case_id, at, kind, actor_id, reporter_visible, body)
             VALUES (@id, @case_id, @at, @kind, @actor_id, @reporter_visible, @body)`,
          )
          .run(row),
      ),
    );
    // What a read will give back: the body as JSON carries it.
    return fromRow(row);
  }

  async listByCase(
    caseId: string,
    options: { reporterVisibleOnly?: boolean } = {},
  ): Promise<TimelineEvent[]> {
    const visible = options.reporterVisibleOnly ? 'AND reporter_visible = 1' : '';
    return this.sql
      .get<EventRow>(`SELECT * FROM case_events WHERE case_id = ? ${visible} ORDER BY at, id`)
      .all(caseId)
      .map(fromRow);
  }
}

function toRow(event: TimelineEvent): EventRow {
  return {
    id: event.id,
    case_id: event.caseId,
    at: event.at.getTime(),
    kind: event.kind,
    actor_id: event.actorId,
    reporter_visible: event.reporterVisible ? 1 : 0,
    body: JSON.stringify(event.body),
  };
}

function fromRow(row: EventRow): TimelineEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    at: new Date(row.at),
    kind: row.kind,
    actorId: row.actor_id,
    reporterVisible: row.reporter_visible === 1,
    body: JSON.parse(row.body) as JsonObject,
  };
}
