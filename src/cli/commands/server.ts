import { UsageError } from '../../errors';
import { flagString, type CommandSpec } from '../command';
import type { CliDeps } from '../deps';

export interface ServerOptions {
  host?: string;
  port?: number;
  db?: string;
  dbPoolSize?: number;
  registration?: 'on' | 'off';
}

export function parsePort(text: string, flag: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`${flag} must be a number from 0 to 65535, not "${text}"`);
  return port;
}

function parsePoolSize(text: string): number {
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 1000) throw new UsageError(`--db-pool-size must be a number from 1 to 1000, not "${text}"`);
  return size;
}

export const command: CommandSpec<ServerOptions> = {
  path: ['server'],
  summary: 'Run an Appclacks-compatible accounts and tokens API server (SQLite or PostgreSQL)',
  options: [
    { flags: '--host <address>', description: 'address to listen on (default 127.0.0.1)' },
    { flags: '--port <port>', description: 'port to listen on, 0 for any free one (default 8080)' },
    {
      flags: '--db <path|url>',
      description: 'SQLite database file, or a postgres:// URL (default: $APPCLACKS_DATABASE_URL, else <user data dir>/appclacks/server.db)',
    },
    { flags: '--db-pool-size <n>', description: 'PostgreSQL connections per instance (default 10)' },
    { flags: '--registration <on|off>', description: 'allow POST /register (default: on only on a loopback address)', choices: ['on', 'off'] },
  ],
  examples: [
    'appclacks server',
    'appclacks server --port 9000 --db ./appclacks.db',
    'appclacks server --host 0.0.0.0 --registration off',
    'appclacks server --db postgres://appclacks@db.internal:5432/appclacks --db-pool-size 20',
  ],
  parse({ flags }) {
    const host = flagString(flags, 'host');
    const port = flagString(flags, 'port');
    const db = flagString(flags, 'db');
    const registration = flagString(flags, 'registration');
    const poolSize = flagString(flags, 'dbPoolSize');
    return {
      ...(poolSize === undefined ? {} : { dbPoolSize: parsePoolSize(poolSize) }),
      ...(host === undefined ? {} : { host }),
      ...(port === undefined ? {} : { port: parsePort(port, '--port') }),
      ...(db === undefined ? {} : { db }),
      ...(registration === 'on' || registration === 'off' ? { registration } : {}),
    };
  },
  run,
};

export async function run(options: ServerOptions, deps: CliDeps): Promise<void> {
  // Loaded on demand: fastify and SQLite are not for every CLI start.
  const { runServerCommand } = await import('../../server/command');
  await runServerCommand(options, { stdout: deps.io.stdout, stderr: deps.io.stderr, env: deps.env });
}
