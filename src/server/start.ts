// Starts the HTTP server on a host and port and owns its storage.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isLoopbackHost } from '../api/endpoint';
import { buildApp, type RequestLogger } from './app';
import type { RateLimitOptions } from './rate-limit';
import { SqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';
import type { Clock } from '../tokens';
import type { RegistrationLimits, ServerTimeouts, TrustProxy } from '../server-options';

export interface StartServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** A SQLite file, opened (and migrated) here; or `databaseUrl`; or pass `storage`. */
  dbPath?: string;
  /** A postgres:// URL, connected (and migrated) here. */
  databaseUrl?: string;
  /** PostgreSQL connections this instance may hold; default DEFAULT_POOL_SIZE. */
  poolSize?: number;
  storage?: Storage;
  /** Default: on only when `host` is a loopback address. */
  registration?: boolean;
  log?: RequestLogger;
  clock?: Clock;
  rateLimits?: RateLimitOptions;
  /** Default on; see AppOptions.extensions. */
  extensions?: boolean;
  /** Default: Node's and fastify's (none for a slow body); the command passes DEFAULT_TIMEOUTS. */
  timeouts?: ServerTimeouts;
  /** After close() starts, connections still open this long are closed. Default: wait for them. */
  shutdownTimeoutMs?: number;
  trustProxy?: TrustProxy;
  /** See AppOptions.auditRetentionMs. */
  auditRetentionMs?: number;
  /** Default DEFAULT_REGISTRATION_LIMITS. */
  registrationLimits?: RegistrationLimits;
  /**
   * Who holds this server's sign-in leases; default `instanceName(host, port)`.
   * Ignored when `storage` is passed (it was opened with its own).
   */
  instance?: string;
}

/**
 * The same name for every run of one instance, so that a run gives back the
 * sign-in reservations a killed run before it left (they would otherwise
 * hold their slots until their leases expire): the machine and the address
 * it listens on, which two live processes cannot share. Port 0 is a new
 * port each time: a name of its own then.
 */
export function instanceName(host: string, port: number): string {
  return port === 0 ? `${hostname()} ${randomUUID()}` : `${hostname()} ${host}:${port}`;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  storage: Storage;
  /**
   * Stops accepting connections, lets in-flight requests finish (until
   * shutdownTimeoutMs, then their connections are closed), then closes the storage.
   */
  close(): Promise<void>;
}

function urlFor(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `http://${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  let storage = options.storage;
  const instance = options.instance ?? instanceName(options.host, options.port);
  if (!storage && options.databaseUrl) {
    // Loaded only when a URL asks for it: SQLite users never load the driver.
    const { DEFAULT_POOL_SIZE, openPostgresStorage } = await import('./storage/postgres');
    storage = await openPostgresStorage({ url: options.databaseUrl, poolSize: options.poolSize ?? DEFAULT_POOL_SIZE, instance });
  }
  if (!storage) {
    if (!options.dbPath) throw new Error('startServer needs dbPath, databaseUrl or storage');
    storage = new SqliteStorage(options.dbPath, { instance });
  }
  try {
    const givenBack = await storage.releaseInstanceReservations();
    if (givenBack > 0) options.log?.(`gave back ${givenBack} sign-in reservations left by this instance's previous run`);
  } catch (error) {
    await storage.close();
    throw error;
  }
  const app = buildApp({
    storage,
    registration: options.registration ?? isLoopbackHost(options.host),
    ...(options.clock && { clock: options.clock }),
    ...(options.log && { log: options.log }),
    ...(options.rateLimits && { rateLimits: options.rateLimits }),
    ...(options.extensions !== undefined && { extensions: options.extensions }),
    ...(options.timeouts && { timeouts: options.timeouts }),
    ...(options.trustProxy !== undefined && { trustProxy: options.trustProxy }),
    ...(options.auditRetentionMs !== undefined && { auditRetentionMs: options.auditRetentionMs }),
    ...(options.registrationLimits && { registrationLimits: options.registrationLimits }),
  });
  // Node's close() drops keep-alive connections idle at that moment only; a
  // request still running would otherwise leave its connection open (and
  // close() waiting) until the keep-alive timeout.
  let stopping = false;
  app.addHook('onSend', async (_request, reply, payload) => {
    if (stopping) void reply.header('connection', 'close');
    return payload;
  });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    await storage.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const ownedStorage = storage;
  let closing: Promise<void> | undefined;
  return {
    url: urlFor(options.host, port),
    port,
    storage: ownedStorage,
    close() {
      closing ??= (async () => {
        stopping = true;
        const deadline =
          options.shutdownTimeoutMs === undefined
            ? undefined
            : setTimeout(() => app.server.closeAllConnections(), options.shutdownTimeoutMs);
        try {
          await app.close();
        } finally {
          clearTimeout(deadline);
        }
        await ownedStorage.close();
      })();
      return closing;
    },
  };
}
