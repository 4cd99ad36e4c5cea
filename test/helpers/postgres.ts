// A throwaway PostgreSQL cluster for tests: Debian's `postgresql` package
// binaries, a temp data directory, a free loopback port, trust auth for one
// superuser. initdb refuses to run as root, so as root the cluster runs as
// an unprivileged system user (`postgres` when the package created it, else
// `nobody`) that owns the temp directory.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { unusedLoopbackPort } from './net';

/** What a test worker needs to reach (and, for its own cluster, to stop and start) a cluster. */
export interface ClusterInfo {
  host: string;
  port: number;
  user: string;
  dataDir: string;
  binDir: string;
  /** The system user the server processes run as, or undefined when not root. */
  runAs: string | undefined;
}

/**
 * The newest `/usr/lib/postgresql/N/bin` with an initdb, else the one
 * `pg_config` names; undefined when none. vitest.config.ts runs the same
 * search to decide whether the postgres test project exists.
 */
export function findPostgresBinDir(): string | undefined {
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => existsSync(join(debianRoot, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debianRoot, versions[0], 'bin');
  }
  const probe = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const binDir = probe.status === 0 ? probe.stdout.trim() : '';
  return binDir && existsSync(join(binDir, 'initdb')) ? binDir : undefined;
}

function unprivilegedUser(): string {
  return spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
}

function runAsUser(info: Pick<ClusterInfo, 'binDir' | 'runAs'>, program: string, args: string[]): void {
  const file = join(info.binDir, program);
  const [command, argv] = info.runAs ? ['runuser', ['-u', info.runAs, '--', file, ...args]] : [file, args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
}

function userId(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Starts a stopped cluster (again) on its port; waits until it accepts connections. */
export function startCluster(info: ClusterInfo): void {
  // No fsync: a test cluster need not survive the machine crashing. Commits
  // still reach the OS before they are acknowledged (synchronous_commit on),
  // so stopping it as a crash would (stopCluster) loses nothing.
  const settings = [
    `-p ${info.port}`,
    `-k ${info.dataDir}`,
    `-c listen_addresses=${info.host}`,
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=32MB',
  ].join(' ');
  runAsUser(info, 'pg_ctl', ['start', '-w', '-t', '60', '-D', info.dataDir, '-l', join(info.dataDir, 'server.log'), '-o', settings]);
}

/** Stops at once, as a crash or a killed host would: clients see their connections drop. */
export function stopCluster(info: ClusterInfo): void {
  runAsUser(info, 'pg_ctl', ['stop', '-m', 'immediate', '-w', '-D', info.dataDir]);
}

const TEST_LOCALE = 'C.UTF-8';

/** The tests of look-alike emails prove nothing on a cluster whose lower() leaves U+212A alone: refuse to run on one. */
async function assertUnicodeCaseFolding(info: ClusterInfo): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(info, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ folded: string }>("SELECT lower(U&'\\212A') AS folded");
    if (rows[0]?.folded !== 'k') {
      throw new Error(`the test cluster's ${TEST_LOCALE} locale does not fold U+212A to k; the look-alike email tests need a UTF-8 locale that does`);
    }
  } finally {
    await client.end();
  }
}

export async function createCluster(binDir: string): Promise<ClusterInfo> {
  const runAs = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'appclacks-pg-'));
  if (runAs) {
    const { uid, gid } = userId(runAs);
    chownSync(dataDir, uid, gid);
  }
  const info: ClusterInfo = { host: '127.0.0.1', port: await unusedLoopbackPort(), user: 'appclacks_test', dataDir, binDir, runAs };
  try {
    // A UTF-8 locale, as production clusters have: there lower() folds all of
    // Unicode (KELVIN SIGN to k), which --locale=C hid. C.UTF-8 ships with
    // every Debian and Ubuntu (no locale to generate).
    runAsUser(info, 'initdb', ['-D', join(dataDir, 'data'), '-U', info.user, '-A', 'trust', '-E', 'UTF8', '--no-sync', `--locale=${TEST_LOCALE}`]);
    info.dataDir = join(dataDir, 'data');
    startCluster(info);
    await assertUnicodeCaseFolding(info).catch((error: unknown) => {
      stopCluster(info);
      throw error;
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return info;
}

/** Stops the cluster (if running) and removes its directory. */
export function destroyCluster(info: ClusterInfo): void {
  try {
    stopCluster(info);
  } catch {
    // already stopped
  }
  rmSync(join(info.dataDir, '..'), { recursive: true, force: true });
}

export function databaseUrl(info: ClusterInfo, database: string): string {
  return `postgres://${info.user}@${info.host}:${info.port}/${database}`;
}

/** A new empty database on the cluster; returns its URL. */
export async function createDatabase(info: ClusterInfo): Promise<string> {
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: databaseUrl(info, 'postgres') });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return databaseUrl(info, name);
}
