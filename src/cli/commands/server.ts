import { UsageError } from '../../errors';
import { flagString, type CommandSpec } from '../command';
import type { CliDeps } from '../deps';
import { withDatabaseDriver } from '../database-driver';

export interface ServerOptions {
  host?: string;
  port?: number;
  db?: string;
  registration?: 'on' | 'off';
  /** False with --no-extensions. */
  extensions?: boolean;
}

export function parsePort(text: string, flag: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`${flag} must be a number from 0 to 65535, not "${text}"`);
  return port;
}

export const command: CommandSpec<ServerOptions> = {
  path: ['server'],
  summary: 'Run an Appclacks-compatible accounts and tokens API server (SQLite)',
  options: [
    { flags: '--host <address>', description: 'address to listen on (default 127.0.0.1)' },
    { flags: '--port <port>', description: 'port to listen on, 0 for any free one (default 8080)' },
    { flags: '--db <path>', description: 'SQLite database file (default: <user data dir>/appclacks/server.db)' },
    { flags: '--registration <on|off>', description: 'allow POST /register (default: on only on a loopback address)', choices: ['on', 'off'] },
    { flags: '--no-extensions', description: "serve only the official API (no token/current, rotate, last-used-at): to test clients against it" },
  ],
  examples: ['appclacks server', 'appclacks server --port 9000 --db ./appclacks.db', 'appclacks server --host 0.0.0.0 --registration off'],
  parse({ flags }) {
    const host = flagString(flags, 'host');
    const port = flagString(flags, 'port');
    const db = flagString(flags, 'db');
    const registration = flagString(flags, 'registration');
    return {
      ...(host === undefined ? {} : { host }),
      ...(port === undefined ? {} : { port: parsePort(port, '--port') }),
      ...(db === undefined ? {} : { db }),
      ...(registration === 'on' || registration === 'off' ? { registration } : {}),
      // commander stores --no-extensions as extensions: false
      ...(flags.extensions === false ? { extensions: false } : {}),
    };
  },
  run,
};

export async function run(options: ServerOptions, deps: CliDeps): Promise<void> {
  // Loaded on demand: fastify and SQLite are not for every CLI start.
  await withDatabaseDriver(async () => {
    const { runServerCommand } = await import('../../server/command');
    await runServerCommand(options, { stdout: deps.io.stdout, stderr: deps.io.stderr, env: deps.env });
  });
}
