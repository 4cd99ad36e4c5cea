// A server killed while it checks passwords (SIGKILL, an out-of-memory kill,
// a second Ctrl+C) leaves its sign-in reservations in the database. They are
// leases: the next run of the same instance gives them back at start, and
// any other instance once they expire. Before leases the right password got
// 429 for the rest of the 15-minute window after such a crash.
// Runs the real command from dist/ (`npm run build` first), on the test
// project's database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, expect, inject, it } from 'vitest';
import { unusedLoopbackPort } from '../helpers/net';
import { createDatabase } from '../helpers/postgres';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { basicAuth, registerAccount } from '../helpers/server';

let dir: string;
let running: ServerProcess | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-crash-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** The most sign-in checks any key has in flight, as the database records them. */
async function mostInFlight(database: string): Promise<number> {
  const sql = 'SELECT COALESCE(MAX(in_flight), 0) AS n FROM sign_in_attempts';
  if (inject('storageBackend') === 'postgres') {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      return Number((await client.query<{ n: number }>(sql)).rows[0]!.n);
    } finally {
      await client.end();
    }
  }
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

it('SIGKILL during password checks: after a restart the right password signs in at once', async () => {
  const database = inject('storageBackend') === 'postgres' ? await createDatabase(inject('postgres')!) : join(dir, 'server.db');
  const args = ['--port', String(await unusedLoopbackPort()), '--db', database];
  running = await startServerProcess(args);
  const account = await registerAccount(running.url);
  const signIn = () =>
    fetch(`${running!.url}/app/v1/organization`, { headers: { authorization: basicAuth(account.email, account.password) } });

  // Parallel sign-ins of one account from one address: 5 checks at a time
  // (the pair's limit), the rest wait for a slot. Killed with all 5 in flight.
  const pending = Array.from({ length: 40 }, () => signIn().catch(() => undefined));
  const deadline = performance.now() + 10_000;
  while ((await mostInFlight(database)) < 5) {
    if (performance.now() > deadline) throw new Error('the 5 sign-in checks were never in flight at once');
    // Reading SQLite is synchronous: let the requests go out meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await running.kill('SIGKILL');
  await Promise.all(pending);
  expect(await mostInFlight(database)).toBeGreaterThanOrEqual(5);

  running = await startServerProcess(args);
  const started = performance.now();
  const answer = await signIn();
  expect(answer.status, await answer.text()).toBe(200);
  // Not after waiting out the slots the killed run held.
  expect(performance.now() - started).toBeLessThan(2_000);
  expect(running.stderr()).toMatch(/gave back \d+ sign-in reservations left by this instance's previous run/);
  expect(await mostInFlight(database)).toBe(0);
}, 60_000);
