// One tenant must not be able to exhaust the server's memory: many
// connections each pipelining many large list requests and never reading
// the answers. The server process's peak RSS (VmHWM) is the measure.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../src/server/passwords';
import { generateTokenSecret, hashTokenSecret } from '../../src/server/secrets';
import { openPostgresStorage } from '../../src/server/storage/postgres';
import { SqliteStorage } from '../../src/server/storage/sqlite';
import type { Storage } from '../../src/server/storage/types';
import { createDatabase } from '../helpers/postgres';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { basicAuth } from '../helpers/server';

/** 5,000 tokens of about 750 bytes each: a list answer of about 3.8 MB (10,000 tokens are 7.6 MB). */
const TOKENS = 5_000;
/**
 * Growth of peak RSS over the idle server's allowed under each attack. Before
 * the per-connection queue and streaming, the server built every answer at
 * once and held it: 10 x 30 grew the peak by 1.9 GB, 1 x 20,000 by 3 GB
 * (docs/server-memory.md). With the fix the growth is 40-55 MB on Node 20
 * and 115-130 MB on Node 24 with PostgreSQL, whose V8 lets the heap grow
 * further before it collects; 250 MB holds on both with room and still fails
 * the old code by a factor of eight.
 */
const BOUND_MB = 250;

const PERMISSIONS = ['ListAPITokens', 'GetAPIToken', 'CreateAPIToken', 'DeleteAPIToken', 'GetOrganization'];

async function seed(storage: Storage): Promise<{ organizationId: string; secret: string }> {
  const organizationId = randomUUID();
  const now = Date.now();
  await storage.createOrganizationWithAccount(
    { id: organizationId, name: 'acme', description: null, createdAt: now },
    {
      id: randomUUID(),
      organizationId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: `ada-${randomUUID()}@example.com`,
      passwordHash: await hashPassword('correct horse battery staple'),
      createdAt: now,
    },
  );
  const token = (name: string, permissions: string[], secret = generateTokenSecret()) => ({
    id: randomUUID(),
    organizationId,
    name,
    description: `${name} `.repeat(40).slice(0, 400),
    permissions,
    secretHash: hashTokenSecret(secret),
    ttl: '720h',
    createdAt: now,
    expiresAt: now + 720 * 3_600_000,
  });
  const secret = generateTokenSecret();
  await storage.createToken(token('lister', ['ListAPITokens'], secret));
  for (let i = 1; i < TOKENS; i++) await storage.createToken(token(`token-${i}`, PERMISSIONS));
  return { organizationId, secret };
}

function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]);
}

/** User and system CPU time of a process, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Until the process has used under 5% of a core for a second (or `maxMs` passed): it did all the work it was going to. */
async function untilQuiet(pid: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  let before = cpuTicks(pid);
  while (Date.now() < deadline) {
    await pause(1_000);
    const after = cpuTicks(pid);
    if (after - before < 5) return;
    before = after;
  }
}

function openAttacker(url: string, request: string, count: number): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      // Never reads: the answers pile up on the server's side, if it lets them.
      socket.pause();
      socket.write(request.repeat(count));
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

describe.skipIf(process.platform !== 'linux')('memory under a pipelining tenant', () => {
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-memory-'));
  let database: string;
  let server: ServerProcess;
  let organizationId: string;
  let secret: string;

  beforeAll(async () => {
    const cluster = inject('storageBackend') === 'postgres' ? inject('postgres') : null;
    database = cluster ? await createDatabase(cluster) : join(dir, 'server.db');
    const storage = cluster ? await openPostgresStorage({ url: database, poolSize: 2 }) : new SqliteStorage(database);
    try {
      ({ organizationId, secret } = await seed(storage));
    } finally {
      await storage.close();
    }
  }, 120_000);

  // A fresh process per attack: a peak is a high-water mark, never lowered.
  beforeEach(async () => {
    server = await startServerProcess(['--db', database]);
  });

  afterEach(async () => {
    await server?.stop();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const listRequest = () =>
    `GET /api/v1/token HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nAuthorization: ${basicAuth(organizationId, secret)}\r\n\r\n`;

  async function list(): Promise<{ status: number; body: { result: Array<{ id: string }> } }> {
    const response = await fetch(`${server.url}/api/v1/token`, { headers: { authorization: basicAuth(organizationId, secret) } });
    return { status: response.status, body: (await response.json()) as { result: Array<{ id: string }> } };
  }

  /** Opens the attackers, waits until the server has done what it would, and returns the growth of its peak RSS in MB. */
  async function attack(connections: number, pipelined: number): Promise<number> {
    // Warm up (code paths, caches), then take the idle peak.
    for (let i = 0; i < 3; i++) expect((await list()).body.result).toHaveLength(TOKENS);
    const idleKb = memoryKb(server.pid, 'VmHWM');
    const sockets = await Promise.all(Array.from({ length: connections }, () => openAttacker(server.url, listRequest(), pipelined)));
    try {
      await untilQuiet(server.pid, 60_000);
      const peakKb = memoryKb(server.pid, 'VmHWM');
      const growthMb = (peakKb - idleKb) / 1024;
      console.log(
        `${connections} x ${pipelined}: peak RSS idle ${(idleKb / 1024).toFixed(0)} MB, under attack ${(peakKb / 1024).toFixed(0)} MB (+${growthMb.toFixed(0)} MB)`,
      );
      // Other clients are still served, the whole list in one answer.
      const during = await list();
      expect(during.status).toBe(200);
      expect(during.body.result).toHaveLength(TOKENS);
      return growthMb;
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  }

  it(`keeps peak RSS within ${BOUND_MB} MB of idle while 10 connections pipeline 30 lists each and never read`, async () => {
    expect(await attack(10, 30)).toBeLessThan(BOUND_MB);
    // Within the per-connection queue: no connection was closed for it.
    expect(server.stderr()).not.toMatch(/pipelined requests waiting/);
  }, 120_000);

  it('closes a connection that pipelines more requests than the queue holds', async () => {
    expect(await attack(1, 20_000)).toBeLessThan(BOUND_MB);
    expect(server.stderr()).toMatch(/connection closed: more than 32 pipelined requests waiting/);
  }, 120_000);
});

describe('pipelined requests', () => {
  it('are all answered, in order, one after another', async () => {
    const { startTestServer, seedOrganization } = await import('../helpers/server');
    const server = await startTestServer();
    try {
      const org = await seedOrganization(server.url);
      const host = new URL(server.url).host;
      const auth = basicAuth(org.organization.id, org.token.token);
      const requests = Array.from({ length: 30 }, (_, i) =>
        i % 2 === 0 ? `GET /api/v1/token HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${auth}\r\n\r\n` : `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      );
      requests.push(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      const { hostname, port } = new URL(server.url);
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(requests.join('')));
        socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        socket.once('end', () => resolve(text));
        socket.once('error', reject);
      });
      const statuses = answer.match(/HTTP\/1\.1 \d{3}/g) ?? [];
      expect(statuses).toEqual(Array.from({ length: 31 }, () => 'HTTP/1.1 200'));
      // Each list is whole: the token's ID appears once per list answer.
      expect(answer.split(org.token.id).length - 1).toBe(15);
    } finally {
      await server.close();
    }
  });
});

describe('the streamed token list', () => {
  it('is whole and in creation order across pages, ties of created-at included', async () => {
    const { startTestServer, seedOrganization } = await import('../helpers/server');
    const { TOKEN_LIST_PAGE } = await import('../../src/server/routes/token-list');
    const server = await startTestServer();
    try {
      const org = await seedOrganization(server.url);
      const at = Date.now();
      const ids = [org.token.id];
      // Two and a half pages, every one created in the same millisecond.
      for (let i = 0; i < TOKEN_LIST_PAGE * 2.5; i++) {
        const id = randomUUID();
        ids.push(id);
        await server.storage.createToken({
          id,
          organizationId: org.organization.id,
          name: `t${i}`,
          description: '',
          permissions: ['*'],
          secretHash: hashTokenSecret(generateTokenSecret()),
          ttl: '72h',
          createdAt: at + 1_000,
          expiresAt: at + 72 * 3_600_000,
        });
      }
      const response = await fetch(`${server.url}/api/v1/token`, { headers: { authorization: basicAuth(org.organization.id, org.token.token) } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = (await response.json()) as { result: Array<{ id: string }> };
      expect(body.result.map((token) => token.id)).toEqual(ids);
    } finally {
      await server.close();
    }
  });
});
