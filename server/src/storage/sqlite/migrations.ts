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
];
