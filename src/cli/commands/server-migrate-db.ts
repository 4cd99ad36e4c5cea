import { UsageError } from '../../errors';
import { flagString, type CommandSpec } from '../command';
import type { CliDeps } from '../deps';

export interface MigrateDbOptions {
  from: string;
  to: string;
}

export const command: CommandSpec<MigrateDbOptions> = {
  path: ['server', 'migrate-db'],
  summary: 'Copy a SQLite server database (accounts, organizations, tokens) into PostgreSQL; safe to run again',
  options: [
    { flags: '--from <path>', description: 'the SQLite database file' },
    { flags: '--to <url>', description: 'the PostgreSQL database, postgres://user@host:port/dbname' },
  ],
  examples: ['appclacks server migrate-db --from ~/.local/share/appclacks/server.db --to postgres://appclacks@db.internal/appclacks'],
  parse({ flags }) {
    const from = flagString(flags, 'from');
    const to = flagString(flags, 'to');
    if (from === undefined || to === undefined) throw new UsageError('both --from PATH and --to URL are required');
    return { from, to };
  },
  run,
};

export async function run(options: MigrateDbOptions, deps: CliDeps): Promise<void> {
  // Loaded on demand, like the server: SQLite and PostgreSQL are not for every CLI start.
  const { runMigrateDbCommand } = await import('../../server/migrate-db');
  await runMigrateDbCommand(options, { stdout: deps.io.stdout });
}
