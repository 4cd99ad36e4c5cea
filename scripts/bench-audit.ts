// `npm run bench`, audit part: token routes with an empty audit trail and
// with 1,000,000 events stored (SQLite, one instance), and the trail's own
// first page. Token reads never touch the trail; every delete writes an
// event into a table of five indexes, so a slower delete would show here.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const bin = fileURLToPath(new URL('../bin/appclacks.js', import.meta.url));
const EVENTS = 1_000_000;
const TOKENS = 100;
const CONCURRENCY = 8;
const LISTS = 1_000;
const DELETES = 500;

function startInstance(db: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'server', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/\S+/.exec(out);
      if (match) resolve({ url: match[0], child });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function json(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** `count` calls of `one`, CONCURRENCY at a time; calls per second. */
async function rate(count: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await one(next++);
    }),
  );
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

const dir = mkdtempSync(join(tmpdir(), 'appclacks-bench-audit-'));
const path = join(dir, 'bench.db');
const server = await startInstance(path);
try {
  const email = 'bench@example.com';
  const password = 'correct horse battery';
  const { organization } = await json(`${server.url}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organization: { name: 'bench' }, account: { 'first-name': 'B', 'last-name': 'Ench', email, password } }),
  });
  const admin = await json(`${server.url}/app/v1/token`, {
    method: 'POST',
    headers: { authorization: basic(email, password), 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', ttl: '72h', permissions: { actions: ['*'] } }),
  });
  const headers = { authorization: basic(organization.id, admin.token) };
  // Tokens to list and to delete, inserted directly: a create through the API costs an scrypt.
  const db = new Database(path);
  const insertToken = db.prepare(`INSERT INTO api_tokens (id, organization_id, name, description, permissions, secret_hash, ttl, created_at, expires_at)
    VALUES (?, ?, ?, '', '["*"]', ?, '72h', ?, ?)`);
  const addTokens = (count: number, prefix: string) =>
    db.transaction(() =>
      Array.from({ length: count }, (_, i) => {
        const id = randomUUID();
        insertToken.run(id, organization.id, `${prefix}-${i}`, randomUUID() + randomUUID(), Date.now(), Date.now() + 3_600_000);
        return id;
      }),
    )();
  addTokens(TOKENS - 1, 'listed');

  const measure = async () => {
    const list = async () => {
      const response = await fetch(`${server.url}/api/v1/token`, { headers });
      await response.text();
      if (response.status !== 200) throw new Error(`GET /api/v1/token: ${response.status}`);
    };
    await rate(200, list); // warm-up
    const lists = [await rate(LISTS, list), await rate(LISTS, list), await rate(LISTS, list)].sort((a, b) => a - b)[1]!;
    const doomed = addTokens(DELETES, 'doomed');
    const deletes = await rate(DELETES, async (i) => {
      const response = await fetch(`${server.url}/api/v1/token/${doomed[i]}`, { method: 'DELETE', headers });
      await response.text();
      if (response.status !== 200) throw new Error(`DELETE /api/v1/token: ${response.status}`);
    });
    const page = async (query: string) => {
      const start = process.hrtime.bigint();
      await json(`${server.url}/api/v1/audit${query}`, { headers });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    return { lists, deletes, page: await page('?limit=100'), byToken: await page(`?token=${doomed[0]}`), byKind: await page('?kind=account.registered') };
  };

  const empty = await measure();
  const insertEvent = db.prepare(`INSERT INTO audit_events (at, organization_id, kind, actor, actor_type, token_id, token_name, client_address, user_agent)
    VALUES (?, ?, 'token.created', ?, 'account', ?, 'bench', '127.0.0.1', 'bench/1')`);
  const fillStart = process.hrtime.bigint();
  const base = Date.now() - 30 * 86_400_000;
  for (let done = 0; done < EVENTS; done += 10_000) {
    db.transaction(() => {
      // A tenth in the bench organization, the rest spread over others: a shared server.
      for (let i = done; i < done + 10_000; i++) {
        insertEvent.run(base + i, i % 10 === 0 ? organization.id : `org-${i % 97}`, email, randomUUID());
      }
    })();
  }
  const fillSeconds = Number(process.hrtime.bigint() - fillStart) / 1e9;
  // The fill outlasted the server's keep-alive (5 s): let the client see its idle connections closed first.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  const full = await measure();

  console.log(`\naudit: token routes with an empty trail and with ${EVENTS.toLocaleString('en')} events (SQLite, ${CONCURRENCY} clients)`);
  const row = (name: string, before: number, after: number, unit: string) =>
    console.log(`  ${name.padEnd(44)} ${before.toFixed(1).padStart(8)} ${after.toFixed(1).padStart(8)} ${unit}  x${(after / before).toFixed(2)}`);
  console.log(`  ${''.padEnd(44)} ${'empty'.padStart(8)} ${'1M'.padStart(8)}`);
  row(`GET /api/v1/token (${TOKENS} tokens)`, empty.lists, full.lists, 'req/s');
  row('DELETE /api/v1/token/{id} (writes an event)', empty.deletes, full.deletes, 'req/s');
  row('GET /api/v1/audit, first page of 100', empty.page, full.page, 'ms');
  row('GET /api/v1/audit?token=…', empty.byToken, full.byToken, 'ms');
  row('GET /api/v1/audit?kind=… (rare kind)', empty.byKind, full.byKind, 'ms');
  db.close();
  console.log(`  (${EVENTS.toLocaleString('en')} events inserted in ${fillSeconds.toFixed(1)} s, 10,000 per transaction)`);
} finally {
  server.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
