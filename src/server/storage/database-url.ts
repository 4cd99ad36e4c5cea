// How a database is named on the command line: a postgres:// URL selects
// PostgreSQL, anything else is a SQLite file. Kept apart from ./postgres.ts
// so that telling them apart never loads the driver.

export function isDatabaseUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/** The URL without its password, for logs and messages. */
export function redactedDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL URL';
  }
}
