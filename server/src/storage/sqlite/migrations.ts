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
];
