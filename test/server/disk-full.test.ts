// A database that cannot grow (SQLite's max_page_count: SQLITE_FULL, as a
// full disk gives): writes answer 503 and say why, reads go on, /healthz
// says so, and nothing already answered is lost.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start';
import { PostgresStorage } from '../../src/server/storage/postgres';
import { SqliteStorage } from '../../src/server/storage/sqlite';
import { createToken, seedOrganization, type RegisteredAccount } from '../helpers/server';
import { send, tokenAuth } from './http';

describe('a full database', () => {
  let dir: string;
  let dbPath: string;
  let server: RunningServer;
  let logs: string[];
  let org: RegisteredAccount & { token: { id: string; token: string } };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'appclacks-full-'));
    dbPath = join(dir, 'server.db');
    const seeding = await startServer({ host: '127.0.0.1', port: 0, dbPath, registration: true });
    org = await seedOrganization(seeding.url);
    await seeding.close();
    logs = [];
    // Capped at its size now: the next write that needs a page fails.
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      storage: new SqliteStorage(dbPath, { maxPages: 1 }),
      registration: true,
      log: (line) => logs.push(line),
    });
  });

  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Creates tokens until the database refuses one; returns the IDs of those it accepted and the refusal. */
  async function fillUp(): Promise<{ created: string[]; refusal: Awaited<ReturnType<typeof send>> }> {
    const created: string[] = [];
    for (let i = 0; i < 40; i++) {
      const answer = await send(server.url, 'POST', '/app/v1/token', {
        auth: { user: org.email, password: org.password },
        body: { name: `filler-${i}`, description: 'x'.repeat(255), ttl: '72h', permissions: { actions: ['*'] } },
      });
      if (answer.status !== 200) return { created, refusal: answer };
      created.push(answer.json.id as string);
    }
    throw new Error('the database never filled up');
  }

  it('answers writes 503 with Retry-After, keeps reads working, reports it on /healthz, and loses nothing', async () => {
    expect((await send(server.url, 'GET', '/healthz')).text).toBe('ok');
    const { created, refusal } = await fillUp();

    expect(refusal.status).toBe(503);
    expect(refusal.headers.get('retry-after')).toBe('60');
    expect(refusal.json).toEqual({ messages: [expect.stringMatching(/^the database is full \(no space left to write\)/)] });
    expect(logs.join('\n')).toMatch(/database full: POST \/app\/v1\/token failed for lack of space/);

    const health = await send(server.url, 'GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.text).toBe('database full');

    // Reads with a token still work, and list everything that was answered 200.
    const list = await send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(org.organization.id, org.token.token) });
    expect(list.status).toBe(200);
    expect(list.json.result.map((token: { id: string }) => token.id)).toEqual([org.token.id, ...created]);
    const one = await send(server.url, 'GET', `/api/v1/token/${org.token.id}`, { auth: tokenAuth(org.organization.id, org.token.token) });
    expect(one.status).toBe(200);

    await server.close();
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) AS n FROM api_tokens').get()).toEqual({ n: created.length + 1 });
    } finally {
      db.close();
    }
  });

  it('says ok on /healthz again once a write succeeds', async () => {
    await fillUp();
    expect((await send(server.url, 'GET', '/healthz')).status).toBe(503);
    // Deleting frees room in its page; the write itself succeeds.
    const deleted = await send(server.url, 'DELETE', `/api/v1/token/${org.token.id}`, { auth: tokenAuth(org.organization.id, org.token.token) });
    expect(deleted.status).toBe(200);
    expect((await send(server.url, 'GET', '/healthz')).text).toBe('ok');
    // A token fits again where the deleted one was.
    const another = await createToken(server.url, org, { name: 'after' });
    expect(another.name).toBe('after');
  });
});

/**
 * A real full disk: a 4 MB tmpfs, filled up. Mounting needs root (and
 * CAP_SYS_ADMIN); elsewhere this part is skipped and the max_page_count
 * tests above stand for it. Unlike max_page_count, a full disk refuses the
 * last-use write too: the write that used to turn every token read into a 500.
 */
describe('a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-tmpfs-'));
  let mounted = false;

  beforeAll(() => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
      mounted = true;
    } catch {
      // No permission to mount here (a container without CAP_SYS_ADMIN): skipped.
    }
  });

  afterAll(() => {
    if (mounted) execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes a file until the disk refuses; returns its path. */
  function fillDisk(): string {
    const filler = join(dir, 'filler');
    const fd = openSync(filler, 'w');
    try {
      for (const size of [65_536, 4_096, 512, 1]) {
        const chunk = Buffer.alloc(size, 1);
        try {
          for (;;) writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
        }
      }
    } finally {
      closeSync(fd);
    }
    return filler;
  }

  it('keeps token reads working (the last-use write is skipped), answers writes 503, then recovers', async (context) => {
    if (!mounted) context.skip();
    const dbPath = join(dir, 'server.db');
    const logs: string[] = [];
    const server = await startServer({ host: '127.0.0.1', port: 0, dbPath, registration: true, log: (line) => logs.push(line) });
    try {
      const org = await seedOrganization(server.url);
      const filler = fillDisk();
      const auth = tokenAuth(org.organization.id, org.token.token);

      // The token was never used: this read wants to record its use, and cannot.
      const list = await send(server.url, 'GET', '/api/v1/token', { auth });
      expect(list.status).toBe(200);
      expect(list.json.result).toEqual([expect.objectContaining({ id: org.token.id, 'last-used-at': null })]);
      expect(logs.join('\n')).toMatch(/database full: recording a token use failed/);
      expect((await send(server.url, 'GET', '/healthz')).text).toBe('database full');

      const refused = await send(server.url, 'POST', '/app/v1/token', {
        auth: { user: org.email, password: org.password },
        body: { name: 'more', description: '', ttl: '72h', permissions: { actions: ['*'] } },
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('60');

      rmSync(filler);
      expect((await send(server.url, 'GET', '/api/v1/token', { auth })).json.result[0]['last-used-at']).not.toBeNull();
      expect((await send(server.url, 'GET', '/healthz')).text).toBe('ok');
      expect((await createToken(server.url, org, { name: 'after' })).name).toBe('after');
    } finally {
      await server.close();
    }
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) AS n FROM api_tokens').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });
});

describe('PostgreSQL', () => {
  it('counts disk_full (SQLSTATE 53100) as a full database, and nothing else', async () => {
    const pool = new pg.Pool();
    const storage = new PostgresStorage(pool, 'disk-full-test');
    try {
      expect(storage.isFullError(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBe(true);
      expect(storage.isFullError(Object.assign(new Error('out of memory'), { code: '53200' }))).toBe(false);
      expect(storage.isFullError(new Error('no code'))).toBe(false);
    } finally {
      await pool.end();
    }
  });
});
