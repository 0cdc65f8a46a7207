import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError, VersionConflictError } from '../../errors';

type SqlValue = string | number | bigint | null;

/** Prepared statements cached by their text, so dynamic queries are prepared once each. */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  get<Row = unknown>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Row>;
  }
}

/** Turns SQLite's unique-constraint failures into `ConflictError`s naming the field. */
export function translateConstraint<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const column = /failed: \w+\.(\w+)/.exec((error as Error).message)?.[1] ?? 'key';
      throw new ConflictError(`The ${column} is already taken.`, 'duplicate');
    }
    throw error;
  }
}

/**
 * The columns an update sets, from the changes `patch.ts` picked out of a patch (which fields
 * may change is decided there, for both engines). Stored as the rows store them: a field's
 * column is its name in snake case; booleans as 0 or 1, objects and arrays as JSON.
 */
export function patchColumns(changes: object): Record<string, SqlValue> {
  const columns: Record<string, SqlValue> = {};
  for (const [field, value] of Object.entries(changes) as [string, unknown][]) {
    columns[field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)] =
      typeof value === 'boolean'
        ? Number(value)
        : value === null || typeof value === 'string' || typeof value === 'number'
          ? value
          : JSON.stringify(value);
  }
  return columns;
}

/**
 * `UPDATE … WHERE id = ? AND version = ?`, bumping the version; throws `NotFoundError` or
 * `VersionConflictError` when no row matched, in which case nothing was written.
 */
export function updateVersioned(
  cache: StatementCache,
  table: 'cases' | 'users',
  id: string,
  expectedVersion: number,
  columns: Record<string, SqlValue>,
  now: Date,
): void {
  const names = Object.keys(columns);
  const assignments = names.map((name) => `${name} = @${name}, `).join('');
  const result = cache
    .get(
      `UPDATE ${table} SET ${assignments}version = version + 1, updated_at = @updated_at
       WHERE id = @id AND version = @expected_version`,
    )
    .run({ ...columns, updated_at: now.getTime(), id, expected_version: expectedVersion });
  if (result.changes === 1) return;
  const current = cache
    .get<{ version: number }>(`SELECT version FROM ${table} WHERE id = ?`)
    .get(id);
  if (!current) throw new NotFoundError();
  throw new VersionConflictError(current.version);
}
