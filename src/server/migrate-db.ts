// `appclacks server migrate-db`: copy a SQLite server database's
// organizations, accounts and tokens into PostgreSQL. Idempotent: rows
// already there are left alone, so it can be run again after a partial copy
// or to pick up what the old server wrote since. Lock-out counters are not
// copied: they are short-lived by design.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError, UsageError } from '../errors';
import type { TextSink } from './command';
import { isDatabaseUrl, isWellFormedDatabaseUrl, redactedDatabaseUrl } from './storage/database-url';
import { SchemaTooNewError } from './storage/migrations';
import { readAllRecords, type AllRecords } from './storage/sqlite';

export interface MigrateDbOptions {
  /** The SQLite file. */
  from: string;
  /** The postgres:// URL. */
  to: string;
}

function readSource(from: string): AllRecords {
  if (!existsSync(from)) throw new UsageError(`${from} does not exist`, { hint: 'name the SQLite file with --from PATH' });
  try {
    return readAllRecords(from);
  } catch (error) {
    if (error instanceof SchemaTooNewError) throw new UsageError(`${from}: ${error.message}`, { hint: 'upgrade appclacks' });
    throw new UsageError(`${from} is not an appclacks server database`, { hint: 'name the SQLite file with --from PATH' });
  }
}

export async function runMigrateDbCommand(options: MigrateDbOptions, io: { stdout: TextSink }): Promise<void> {
  if (!isDatabaseUrl(options.to)) throw new UsageError(`--to must be a postgres:// URL, not "${options.to}"`);
  // Not echoed: it may hold a password.
  if (!isWellFormedDatabaseUrl(options.to)) throw new UsageError('--to is not a well-formed URL', { hint: 'e.g. postgres://appclacks@db.internal:5432/appclacks' });
  const from = path.resolve(options.from);
  const records = readSource(from);
  const target = redactedDatabaseUrl(options.to);
  const { DatabaseUnreachableError, openPostgresStorage } = await import('./storage/postgres');
  let storage;
  try {
    storage = await openPostgresStorage({ url: options.to, poolSize: 1 });
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) throw new AppError('network', error.message);
    if (error instanceof SchemaTooNewError) throw new UsageError(`${target}: ${error.message}`, { hint: 'upgrade appclacks' });
    throw error;
  }
  try {
    const added = await storage.importRecords(records);
    const line = (what: string, total: number, copied: number) =>
      `${what}: ${copied} copied${total > copied ? `, ${total - copied} already there` : ''}\n`;
    io.stdout.write(`copied ${from} to ${target}\n`);
    io.stdout.write(line('organizations', records.organizations.length, added.organizations));
    io.stdout.write(line('accounts', records.accounts.length, added.accounts));
    io.stdout.write(line('tokens', records.tokens.length, added.tokens));
  } finally {
    await storage.close();
  }
}
