// `appclacks server`: run the accounts/tokens API until SIGINT or SIGTERM.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { ENV, envValue } from '../config/env';
import { serverDatabasePath } from '../config/paths';
import type { Env } from '../config/types';
import { AppError, UsageError } from '../errors';
import { isLoopbackHost, startServer } from './start';
import { isDatabaseUrl, redactedDatabaseUrl } from './storage/database-url';
import { SchemaTooNewError } from './storage/migrations';

export interface ServerCommandOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** A SQLite file or a postgres:// URL. Default APPCLACKS_DATABASE_URL, else <user data dir>/appclacks/server.db. */
  db?: string;
  /** PostgreSQL connections per instance. */
  dbPoolSize?: number;
  /** Default: on only when bound to a loopback address. */
  registration?: 'on' | 'off';
}

export interface TextSink {
  write(text: string): unknown;
}

export interface ServerCommandIo {
  stdout: TextSink;
  stderr: TextSink;
  env: Env;
  /** Stops the server like SIGINT does; for tests and embedding. */
  signal?: AbortSignal;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not ${port}`);
  }
  return port;
}

/** Creates the file owner-only before SQLite does, so the -wal and -shm files inherit that mode. */
function prepareDatabaseFile(dbPath: string): void {
  mkdirSync(path.dirname(dbPath), { recursive: true, mode: 0o700 });
  closeSync(openSync(dbPath, 'a', 0o600));
}

function startError(error: unknown, host: string, port: number, dbPath: string): unknown {
  const { code, syscall } = error as { code?: string; syscall?: string };
  if (error instanceof SchemaTooNewError) {
    return new UsageError(`${dbPath}: ${error.message}`, { hint: 'upgrade appclacks, or name another database with --db' });
  }
  if ((error as Error).name === 'DatabaseUnreachableError') return new AppError('network', (error as Error).message);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new UsageError(`${dbPath} is not an appclacks server database`, { hint: 'name another file with --db PATH' });
  }
  const fileCodes = ['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR'];
  if (syscall !== 'listen' && code !== undefined && fileCodes.includes(code)) {
    return new UsageError(`cannot open ${dbPath} for writing (${code})`, { hint: 'check its permissions, or name another file with --db PATH' });
  }
  if (code === 'EADDRINUSE') return new UsageError(`${host}:${port} is already in use`, { hint: 'pick another --port' });
  if (code === 'EACCES') return new UsageError(`not allowed to listen on ${host}:${port}`, { hint: 'use a port above 1023' });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new UsageError(`cannot listen on ${host}: no such local address`, { hint: 'e.g. --host 127.0.0.1' });
  }
  return error;
}

function waitForShutdown(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onTerminate);
      signal?.removeEventListener('abort', onAbort);
      resolve(reason);
    };
    const onInterrupt = () => stop('SIGINT');
    const onTerminate = () => stop('SIGTERM');
    const onAbort = () => stop('abort');
    // Listeners are removed on the first signal, so a second Ctrl+C kills at once.
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onTerminate);
    if (signal?.aborted) stop('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Prints the URL, serves until SIGINT/SIGTERM (or io.signal), then lets in-flight requests finish and closes the database. */
export async function runServerCommand(options: ServerCommandOptions, io: ServerCommandIo): Promise<void> {
  const host = options.host ?? DEFAULT_HOST;
  const port = checkedPort(options.port ?? DEFAULT_PORT);
  const database = options.db ?? envValue(io.env, ENV.databaseUrl);
  const databaseUrl = database !== undefined && isDatabaseUrl(database) ? database : undefined;
  const dbPath = databaseUrl ? redactedDatabaseUrl(databaseUrl) : path.resolve(database ?? serverDatabasePath(io.env, process.platform, homedir()));
  const registration = options.registration === undefined ? isLoopbackHost(host) : options.registration === 'on';
  let server;
  try {
    if (!databaseUrl) prepareDatabaseFile(dbPath);
    server = await startServer({
      host,
      port,
      ...(databaseUrl ? { databaseUrl } : { dbPath }),
      ...(options.dbPoolSize !== undefined && { poolSize: options.dbPoolSize }),
      registration,
      log: (line) => io.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    throw startError(error, host, port, dbPath);
  }
  io.stdout.write(`appclacks server listening on ${server.url}\n`);
  io.stderr.write(`database ${dbPath}; registration ${registration ? 'on' : 'off'}\n`);

  const reason = await waitForShutdown(io.signal);
  io.stderr.write(`${reason === 'abort' ? 'stopping' : `${reason} received`}: finishing requests in flight\n`);
  await server.close();
  io.stderr.write('server stopped\n');
}
