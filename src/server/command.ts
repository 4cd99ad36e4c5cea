// `appclacks server`: run the accounts/tokens API until SIGINT or SIGTERM.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { ENV, envValue } from '../config/env';
import { serverDatabasePath } from '../config/paths';
import type { Env } from '../config/types';
import { AppError, UsageError } from '../errors';
import {
  DEFAULT_HOST,
  DEFAULT_REGISTRATION_LIMITS,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  DEFAULT_TIMEOUTS,
  type ServerCommandOptions,
} from '../server-options';
import { isLoopbackHost } from '../api/endpoint';
import { startServer } from './start';
import { isDatabaseUrl, isWellFormedDatabaseUrl, redactedDatabaseUrl } from './storage/database-url';
import { SchemaTooNewError } from './storage/migrations';


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

export { DEFAULT_HOST, DEFAULT_PORT, type ServerCommandOptions };

function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not ${port}`);
  }
  return port;
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/**
 * Creates the file owner-only before SQLite does, so new -wal and -shm files
 * inherit that mode. Existing files (the database and its companions) lose
 * any group and other bits, said on stderr; one the owner cannot write is
 * refused, or the server would start and answer 500 to every write. Modes
 * are read rather than tried: root may write to a read-only file.
 */
function prepareDatabaseFile(dbPath: string, stderr: TextSink): void {
  mkdirSync(path.dirname(dbPath), { recursive: true, mode: 0o700 });
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue; // missing, or not a file: opening it says what is wrong
    const mode = stat.mode;
    if ((mode & 0o200) === 0) {
      throw new UsageError(`${file} is read-only (mode ${octal(mode)}): the server could not save anything`, {
        hint: `make it writable (chmod 600 ${file}), or name another file with --db PATH`,
      });
    }
    if ((mode & 0o077) !== 0) {
      chmodSync(file, mode & 0o700);
      stderr.write(`${file} was readable by others (mode ${octal(mode)}): now ${octal(mode & 0o700)}\n`);
    }
  }
  closeSync(openSync(dbPath, 'a', 0o600));
}

function startError(error: unknown, host: string, port: number, dbPath: string): unknown {
  const { code, syscall } = error as { code?: string; syscall?: string };
  if (error instanceof SchemaTooNewError) {
    return new UsageError(`${dbPath}: ${error.message}`, { hint: 'upgrade appclacks, or name another database with --db' });
  }
  if ((error as Error).name === 'DatabaseUnreachableError') return new AppError('network', (error as Error).message);
  // PostgreSQL answered but refused: a wrong password, a database that does not exist. Its message names no secret.
  if ((error as { severity?: string }).severity !== undefined && /^[0-9A-Z]{5}$/.test(code ?? '')) {
    return new AppError('server', `PostgreSQL refused: ${(error as Error).message}`);
  }
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
  if (databaseUrl && !isWellFormedDatabaseUrl(databaseUrl)) {
    // Not echoed: it may hold a password.
    throw new UsageError(`the database URL (${options.db !== undefined ? '--db' : ENV.databaseUrl}) is not a well-formed URL`, {
      hint: 'e.g. postgres://appclacks@db.internal:5432/appclacks, with the password in PGPASSWORD',
    });
  }
  const registration = options.registration === undefined ? isLoopbackHost(host) : options.registration === 'on';
  let server;
  try {
    if (!databaseUrl) prepareDatabaseFile(dbPath, io.stderr);
    server = await startServer({
      host,
      port,
      ...(databaseUrl ? { databaseUrl } : { dbPath }),
      ...(options.dbPoolSize !== undefined && { poolSize: options.dbPoolSize }),
      registration,
      timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
      shutdownTimeoutMs: options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS,
      ...(options.trustProxy !== undefined && { trustProxy: options.trustProxy }),
      ...(options.extensions === false && { extensions: false }),
      ...(options.auditRetentionMs !== undefined && { auditRetentionMs: options.auditRetentionMs }),
      registrationLimits: { ...DEFAULT_REGISTRATION_LIMITS, ...options.registrationLimits },
      log: (line) => io.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (error) {
    throw startError(error, host, port, dbPath);
  }
  io.stdout.write(`appclacks server listening on ${server.url}\n`);
  io.stderr.write(`database ${dbPath}; registration ${registration ? 'on' : 'off'}${options.extensions === false ? '; extensions off' : ''}\n`);

  const reason = await waitForShutdown(io.signal);
  const deadline = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  io.stderr.write(
    `${reason === 'abort' ? 'stopping' : `${reason} received`}: finishing requests in flight for up to ${deadline / 1000}s\n`,
  );
  // Someone who signals twice wants out now, not after the deadline.
  const now = (second: string) => {
    io.stderr.write(`${second} received again: exiting now, requests in flight are dropped\n`);
    process.exit(1);
  };
  const onSecondInterrupt = () => now('SIGINT');
  const onSecondTerminate = () => now('SIGTERM');
  process.once('SIGINT', onSecondInterrupt);
  process.once('SIGTERM', onSecondTerminate);
  try {
    await server.close();
  } finally {
    process.off('SIGINT', onSecondInterrupt);
    process.off('SIGTERM', onSecondTerminate);
  }
  io.stderr.write('server stopped\n');
}
