import {
  parsePoolSize,
  parseRegistrationLimit,
  parsePort,
  parseSeconds,
  parseAuditRetention,
  parseTrustProxy,
  type RegistrationLimits,
  type ServerCommandOptions as ServerOptions,
  type ServerTimeouts,
} from '../../server-options';
import { flagString, type CommandSpec } from '../command';
import type { CliDeps } from '../deps';
import { withDatabaseDriver } from '../database-driver';

export { parsePort, type ServerOptions };

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
    { flags: '--registration-limit-per-address <n>', description: 'registrations from one client address per hour, 0 for no limit (default 10)' },
    { flags: '--registration-limit-total <n>', description: 'registrations from all addresses per minute, 0 for no limit (default 30)' },
    { flags: '--headers-timeout <seconds>', description: 'time for a request\'s headers to arrive, then 408 (default 10)' },
    { flags: '--request-timeout <seconds>', description: 'time for a whole request to arrive, then 408 (default 30)' },
    { flags: '--keep-alive-timeout <seconds>', description: 'how long an idle connection stays open (default 5)' },
    { flags: '--shutdown-timeout <seconds>', description: 'on SIGINT/SIGTERM, how long requests in flight may finish (default 10)' },
    { flags: '--trust-proxy <hops|addresses>', description: 'take the client address from X-Forwarded-For: proxy hop count, or proxy addresses/CIDRs (default off)' },
    { flags: '--audit-retention <duration>', description: 'how long the audit trail keeps events, e.g. 90d, 12w, 36h (default 90d)' },
    { flags: '--no-extensions', description: "serve only the official API (no token/current, rotate, last-used-at, audit trail): to test clients against it" },
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
    const timeouts: Partial<ServerTimeouts> = {};
    const seconds = (name: string, flag: string) => {
      const text = flagString(flags, name);
      return text === undefined ? undefined : parseSeconds(text, flag);
    };
    const headersMs = seconds('headersTimeout', '--headers-timeout');
    const requestMs = seconds('requestTimeout', '--request-timeout');
    const keepAliveMs = seconds('keepAliveTimeout', '--keep-alive-timeout');
    const shutdownTimeoutMs = seconds('shutdownTimeout', '--shutdown-timeout');
    const trustProxy = flagString(flags, 'trustProxy');
    const auditRetention = flagString(flags, 'auditRetention');
    if (headersMs !== undefined) timeouts.headersMs = headersMs;
    if (requestMs !== undefined) timeouts.requestMs = requestMs;
    if (keepAliveMs !== undefined) timeouts.keepAliveMs = keepAliveMs;
    const registrationLimits: Partial<RegistrationLimits> = {};
    const perAddress = flagString(flags, 'registrationLimitPerAddress');
    const total = flagString(flags, 'registrationLimitTotal');
    if (perAddress !== undefined) registrationLimits.perAddressPerHour = parseRegistrationLimit(perAddress, '--registration-limit-per-address');
    if (total !== undefined) registrationLimits.totalPerMinute = parseRegistrationLimit(total, '--registration-limit-total');
    return {
      ...(host === undefined ? {} : { host }),
      ...(port === undefined ? {} : { port: parsePort(port, '--port') }),
      ...(db === undefined ? {} : { db }),
      ...(registration === 'on' || registration === 'off' ? { registration } : {}),
      ...(poolSize !== undefined && { dbPoolSize: parsePoolSize(poolSize) }),
      ...(Object.keys(timeouts).length > 0 && { timeouts }),
      ...(shutdownTimeoutMs !== undefined && { shutdownTimeoutMs }),
      ...(trustProxy !== undefined && { trustProxy: parseTrustProxy(trustProxy) }),
      ...(auditRetention !== undefined && { auditRetentionMs: parseAuditRetention(auditRetention) }),
      ...(Object.keys(registrationLimits).length > 0 && { registrationLimits }),
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
