// How a database is named on the command line: a postgres:// URL selects
// PostgreSQL, anything else is a SQLite file. Kept apart from ./postgres.ts
// so that telling them apart never loads the driver.

export function isDatabaseUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/**
 * Query parameters that carry a secret: node-postgres takes `?password=` and
 * `?sslpassword=` (the key file's passphrase) as well as `user:pass@`. File
 * paths (`sslkey`, `sslcert`, `sslrootcert`) and the rest are shown.
 */
const SECRET_PARAMETER = /pass|pwd|secret|token/i;

const MASK = '***';

/** False for a URL node-postgres could not parse either (a port over 65535, a bracket left open). */
export function isWellFormedDatabaseUrl(url: string): boolean {
  return URL.canParse(url);
}

/** The URL without its password (wherever it is given), for logs and messages. */
export function redactedDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the PostgreSQL URL';
  }
  if (parsed.password) parsed.password = MASK;
  for (const name of new Set(parsed.searchParams.keys())) {
    if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, MASK);
  }
  // URLSearchParams encodes the mask as %2A%2A%2A: show it as typed.
  return parsed.toString().replaceAll('%2A%2A%2A', MASK);
}
