// What both databases share about schema versions: a numbered list of
// migrations applied in order and recorded in `schema_migrations`, and the
// refusal to run on a schema newer than this program knows.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export class SchemaTooNewError extends Error {
  constructor(readonly version: number) {
    super(`the database has schema version ${version}, newer than this program knows`);
    this.name = 'SchemaTooNewError';
  }
}

/**
 * The migrations still to apply, oldest first. Throws SchemaTooNewError when
 * the database recorded a version this program does not know: running old
 * code on a newer schema could corrupt it.
 */
export function pendingMigrations(migrations: readonly Migration[], applied: ReadonlySet<number>): Migration[] {
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((version) => !known.has(version));
  if (unknown.length > 0) throw new SchemaTooNewError(Math.max(...unknown));
  return [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
}
