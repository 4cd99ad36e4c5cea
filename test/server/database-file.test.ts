// The database file as the operating system sees it: modes tightened at
// start, a read-only companion refused, and another process's lock answered
// with 503 instead of freezing the server.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServerCommand } from '../../src/server/command';
import { registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { send } from './http';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-dbfile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  const sink = { text: '', write: (chunk: string) => (sink.text += chunk) };
  return sink;
}

describe('file modes', () => {
  it('tightens an existing 0644 database and its -wal and -shm to 0600, and says so', async () => {
    const db = join(dir, 'server.db');
    const seeded = await startTestServer({ dbPath: db });
    await registerAccount(seeded.url);
    await seeded.close();
    for (const file of [db, `${db}-wal`, `${db}-shm`]) writeFileSync(file, '', { flag: 'a', mode: 0o644 });
    for (const file of [db, `${db}-wal`, `${db}-shm`]) chmodSync(file, 0o644);
    const controller = new AbortController();
    const stderr = sink();
    const stdout = sink();
    const done = runServerCommand({ port: 0, db }, { stdout, stderr, env: { HOME: dir }, signal: controller.signal });
    for (let i = 0; i < 200 && !stdout.text.includes('listening'); i++) await new Promise((r) => setTimeout(r, 25));
    for (const file of [db, `${db}-wal`, `${db}-shm`]) {
      expect(statSync(file).mode & 0o777, file).toBe(0o600);
      expect(stderr.text).toContain(`${file} was readable by others (mode 0644): now 0600`);
    }
    controller.abort();
    await done;
  });

  it('refuses to start, with one line, when a companion file is read-only', async () => {
    const db = join(dir, 'server.db');
    writeFileSync(`${db}-wal`, '', { mode: 0o400 });
    chmodSync(`${db}-wal`, 0o400);
    const io = { stdout: sink(), stderr: sink(), env: { HOME: dir } };
    await expect(runServerCommand({ port: 0, db }, io)).rejects.toThrow(`${db}-wal is read-only (mode 0400): the server could not save anything`);
    expect(io.stdout.text).toBe('');
  });
});

describe('another process holding the database lock', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('gets 503 with Retry-After after a short wait, and /healthz stays quick', async () => {
    server = await startTestServer();
    const account = await registerAccount(server.url);
    const holder = new Database(server.dbPath);
    try {
      holder.exec('BEGIN EXCLUSIVE');
      const started = Date.now();
      const [create, health] = await Promise.all([
        send(server.url, 'POST', '/app/v1/token', {
          auth: { user: account.email, password: account.password },
          body: { name: 'ci', ttl: '1h', permissions: { actions: ['*'] } },
        }),
        send(server.url, 'GET', '/healthz'),
      ]);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(create.status).toBe(503);
      expect(create.headers.get('retry-after')).toBe('1');
      expect(create.json).toEqual({ messages: ['the database is busy (another process holds its lock); try again in a moment'] });
      expect(health.status).toBe(200);
      holder.exec('COMMIT');
      const retried = await send(server.url, 'POST', '/app/v1/token', {
        auth: { user: account.email, password: account.password },
        body: { name: 'ci', ttl: '1h', permissions: { actions: ['*'] } },
      });
      expect(retried.status).toBe(200);
    } finally {
      holder.close();
    }
  });
});
