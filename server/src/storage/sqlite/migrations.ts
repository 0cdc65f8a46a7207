/**
 * Schema migrations, applied in order at open. The database's `user_version` holds the number of
 * migrations applied; never edit one that has shipped, append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    country TEXT,
    severity TEXT,
    assignee_id TEXT,
    month TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    idempotency_key TEXT UNIQUE,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX cases_by_created ON cases (created_at, id);
  CREATE INDEX cases_by_status_created ON cases (status, created_at, id);

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    disabled INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX users_by_created ON users (created_at, id);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor_id TEXT,
    subject TEXT,
    details TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  ) STRICT;
  -- Append-only: the application never rewrites history. (Someone with the file can still edit
  -- it; the hash chain and signed checkpoints are what detect that.)
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
  // 2: the reporter's receipt hash, and case timelines.
  `
  ALTER TABLE cases ADD COLUMN receipt_hash TEXT;
  CREATE UNIQUE INDEX cases_by_receipt_hash ON cases (receipt_hash)
    WHERE receipt_hash IS NOT NULL;

  -- No foreign key to cases: the MongoDB engine cannot enforce one, and the two engines must
  -- accept and refuse the same writes.
  CREATE TABLE case_events (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT,
    reporter_visible INTEGER NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX case_events_by_case ON case_events (case_id, at, id);
  `,
  // 3: staff sessions (refresh-token families) and failed sign-in counts.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    user_session_version INTEGER NOT NULL,
    token_hash TEXT NOT NULL,
    generation INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_reason TEXT
  ) STRICT;
  CREATE INDEX sessions_by_user ON sessions (user_id) WHERE revoked_at IS NULL;
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE login_attempts (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    window_started_at INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX login_attempts_by_last_failure ON login_attempts (last_failure_at);
  `,
  // 4: the triage queue's fields, indexes, tags and full text.
  `
  ALTER TABLE cases ADD COLUMN tlp TEXT NOT NULL DEFAULT 'AMBER';
  ALTER TABLE cases ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  -- Milliseconds; 8.64e15 (the largest JavaScript date) when there is no SLA, so orders need no
  -- NULL handling. Never NULL.
  ALTER TABLE cases ADD COLUMN sla_due_at INTEGER NOT NULL DEFAULT 8640000000000000;
  ALTER TABLE cases ADD COLUMN unread_from_reporter INTEGER NOT NULL DEFAULT 0;
  -- Priority order of the severity: critical 0, high 1, medium 2, low 3, none 4.
  ALTER TABLE cases ADD COLUMN severity_rank INTEGER NOT NULL DEFAULT 4;
  UPDATE cases SET severity_rank = CASE severity
    WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END;
  UPDATE cases SET unread_from_reporter = coalesce(json_extract(body, '$.unreadFromReporter'), 0),
    body = json_remove(body, '$.unreadFromReporter')
    WHERE json_type(body, '$.unreadFromReporter') IS NOT NULL;

  -- Each queue tab is a status; a list in several states is one ordered scan per state, merged
  -- (see SqliteCaseStore.list), so every order has an index that starts with the status.
  CREATE INDEX cases_by_status_priority
    ON cases (status, severity_rank, sla_due_at, created_at, id);
  CREATE INDEX cases_by_status_sla ON cases (status, sla_due_at, id);
  CREATE INDEX cases_by_assignee_created ON cases (assignee_id, created_at, id);
  CREATE INDEX cases_by_status_assignee_created ON cases (status, assignee_id, created_at, id);
  CREATE INDEX cases_by_category_created ON cases (category, created_at, id);
  CREATE INDEX cases_by_country_created ON cases (country, created_at, id);
  CREATE INDEX cases_unread ON cases (status, created_at, id) WHERE unread_from_reporter > 0;

  -- A case's tags, one row each, written by the store with the case (SqliteCaseStore).
  CREATE TABLE case_tags (
    tag TEXT NOT NULL,
    case_id TEXT NOT NULL,
    PRIMARY KEY (tag, case_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX case_tags_by_case ON case_tags (case_id);

  -- Full text of the redacted case text (every string under body.text, see queue.ts), written
  -- by the store in the same transaction as the case (triggers calling json_tree cost several
  -- times the insert itself). Contentless: the text lives once, in body; contentless_delete lets
  -- a changed body replace its row. Keyed by the cases' rowid, which VACUUM may renumber (the
  -- table has no INTEGER PRIMARY KEY): after a VACUUM, rebuild it with the two statements below.
  CREATE VIRTUAL TABLE cases_fts USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  DELETE FROM cases_fts;
  INSERT INTO cases_fts (rowid, text) SELECT rowid,
    (SELECT group_concat(value, ' ') FROM json_tree(cases.body, '$.text') WHERE type = 'text')
    FROM cases;
  `,
  // 5: blind indexes for finding duplicate reports.
  `
  ALTER TABLE cases ADD COLUMN blind_indexes TEXT NOT NULL DEFAULT '[]';

  -- A case's blind indexes, one row each, written by the store with the case as its tags are.
  CREATE TABLE case_blind_indexes (
    key TEXT NOT NULL,
    case_id TEXT NOT NULL,
    PRIMARY KEY (key, case_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX case_blind_indexes_by_case ON case_blind_indexes (case_id);
  `,
  // 6: the triage queue's text and tag filters, and the tabs' counts, without sorting or
  // counting every match (see caseQueueSql.ts).
  `
  -- The case's rowid in the full-text index: its creation time in milliseconds times 2^20, plus
  -- its place among the cases created in the same millisecond, so that the index lists matches
  -- in creation order. Set by the store at insert (the default only serves this ALTER); creation
  -- times never change. Fits 64 bits for times between the years 1691 and 2248.
  ALTER TABLE cases ADD COLUMN text_key INTEGER NOT NULL DEFAULT 0;
  UPDATE cases SET text_key = keyed.text_key
    FROM (SELECT rowid AS case_rowid,
        created_at * 1048576 + row_number() OVER (PARTITION BY created_at ORDER BY id) - 1
          AS text_key
        FROM cases) AS keyed
    WHERE cases.rowid = keyed.case_rowid;
  CREATE UNIQUE INDEX cases_by_text_key ON cases (text_key);
  -- What a text query needs of each match to filter by status and order it, without reading the
  -- case; the status last, so that a list of states is checked on the entry (one seek a match),
  -- not sought once per state.
  CREATE INDEX cases_by_text_key_queue
    ON cases (text_key, severity_rank, sla_due_at, created_at, id, status);

  -- Rebuilt under the text keys (which, unlike the cases' rowids, a VACUUM never renumbers), with
  -- a second column of facets: the case's status (its UTF-8 bytes in hex after an 's'), its
  -- severity rank ('r' and the rank) and the two together, so that a search in some states, or
  -- of one rank, narrows the matches in the index itself (see caseQueueSql.ts). The store
  -- rewrites a case's row when its text, status or severity changes.
  DROP TABLE cases_fts;
  CREATE VIRTUAL TABLE cases_fts USING fts5(
    text, facets,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO cases_fts (rowid, text, facets)
    SELECT text_key, text,
        's' || lower(hex(status)) || ' s' || lower(hex(status)) || 'r' || severity_rank
          || ' r' || severity_rank
      FROM (SELECT text_key, status, severity_rank,
          (SELECT group_concat(value, ' ') FROM json_tree(cases.body, '$.text')
            WHERE type = 'text') AS text
        FROM cases)
    WHERE text != '';

  -- Each tag row keeps its case's status and order columns, so that a tag has an ordered index
  -- per state as the cases have; the store keeps them in step with the case.
  ALTER TABLE case_tags RENAME TO case_tags_before_6;
  CREATE TABLE case_tags (
    tag TEXT NOT NULL,
    case_id TEXT NOT NULL,
    status TEXT NOT NULL,
    severity_rank INTEGER NOT NULL,
    sla_due_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (tag, case_id)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO case_tags (tag, case_id, status, severity_rank, sla_due_at, created_at)
    SELECT old.tag, old.case_id, cases.status, cases.severity_rank, cases.sla_due_at,
        cases.created_at
      FROM case_tags_before_6 AS old JOIN cases ON cases.id = old.case_id;
  DROP TABLE case_tags_before_6;
  CREATE INDEX case_tags_by_case ON case_tags (case_id);
  CREATE INDEX case_tags_by_status_priority
    ON case_tags (tag, status, severity_rank, sla_due_at, created_at, case_id);
  CREATE INDEX case_tags_by_status_sla ON case_tags (tag, status, sla_due_at, case_id);
  CREATE INDEX case_tags_by_status_created ON case_tags (tag, status, created_at, case_id);
  CREATE INDEX case_tags_by_created ON case_tags (tag, created_at, case_id);

  -- How many cases are in each state, kept by the store in the transaction that writes a case's
  -- status: the tabs' counts when nothing is filtered.
  CREATE TABLE case_counts (
    status TEXT PRIMARY KEY,
    count INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  INSERT INTO case_counts (status, count) SELECT status, count(*) FROM cases GROUP BY status;
  -- Counts by category and country read this index alone.
  CREATE INDEX cases_by_category_country_status ON cases (category, country, status);
  `,
  // 7: statistics: the platform, the targeted characteristics and when the case was first
  // triaged and first finished, as columns, and one index holding every column a breakdown
  // reads (see SqliteStatsStore). Cases written before have none of them, as on MongoDB.
  `
  ALTER TABLE cases ADD COLUMN platform TEXT;
  -- A JSON array, distinct and sorted, so that cases naming the same targets group together.
  ALTER TABLE cases ADD COLUMN targets TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE cases ADD COLUMN triaged_at INTEGER;
  ALTER TABLE cases ADD COLUMN resolved_at INTEGER;
  CREATE INDEX cases_stats ON cases (category, month, country, status, severity, platform,
    targets, created_at, triaged_at, resolved_at);
  `,
  // 8: the store keeps the status counters and the tag rows' copies itself (a trigger costs a
  // statement journal per written case, more than the insert): drops the triggers that migration 6
  // created as first written, and counts again what they and the store may both have counted.
  `
  DROP TRIGGER IF EXISTS case_tags_follow_case;
  DROP TRIGGER IF EXISTS case_counts_on_insert;
  DROP TRIGGER IF EXISTS case_counts_on_status;
  DROP TRIGGER IF EXISTS case_counts_on_delete;
  DELETE FROM case_counts;
  INSERT INTO case_counts (status, count) SELECT status, count(*) FROM cases GROUP BY status;
  `,
];
