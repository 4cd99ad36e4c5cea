// The database going away under a running server: its own cluster (the run's
// shared one serves other files), stopped at once as a crash would, then
// started again on the same port.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedLoopbackPort } from '../helpers/net';
import { createCluster, createDatabase, destroyCluster, findPostgresBinDir, startCluster, stopCluster, type ClusterInfo } from '../helpers/postgres';
import { seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

let cluster: ClusterInfo;
let server: TestServer;
beforeAll(async () => {
  cluster = await createCluster(findPostgresBinDir()!);
  server = await startTestServer({ databaseUrl: await createDatabase(cluster) });
});
afterAll(async () => {
  await server?.close();
  if (cluster) destroyCluster(cluster);
});

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('PostgreSQL stopped mid-run', () => {
  it('answers 503 with Retry-After at once, /healthz says unavailable, and serves again when it returns', async () => {
    const seeded = await seedOrganization(server.url);
    const auth = tokenAuth(seeded.organization.id, seeded.token.token);
    expect((await send(server.url, 'GET', '/api/v1/token', { auth })).status).toBe(200);

    stopCluster(cluster);
    const started = Date.now();
    const listed = await send(server.url, 'GET', '/api/v1/token', { auth });
    expect(listed.status).toBe(503);
    expect(listed.headers.get('retry-after')).toBe('5');
    expect(listed.json).toEqual({ messages: ['the database is unavailable; try again shortly'] });
    const health = await send(server.url, 'GET', '/healthz');
    expect([health.status, health.text, health.headers.get('retry-after')]).toEqual([503, 'unavailable', '5']);
    const signIn = await send(server.url, 'GET', '/app/v1/organization', { auth: { user: seeded.email, password: seeded.password } });
    expect(signIn.status).toBe(503);
    // Refused connections fail fast: no request waited for a timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.logs.some((line) => line.includes(seeded.token.token))).toBe(false);

    startCluster(cluster);
    await eventually(async () => (await send(server.url, 'GET', '/healthz')).text === 'ok', 15_000);
    const again = await send(server.url, 'GET', '/api/v1/token', { auth });
    expect(again.status).toBe(200);
    expect((again.json.result as Array<{ id: string }>).map((t) => t.id)).toEqual([seeded.token.id]);
  });
});

/** The cluster's processes: the postmaster (first line of postmaster.pid) and its children. */
function clusterProcesses(info: ClusterInfo): number[] {
  const postmaster = Number(readFileSync(join(info.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' });
  return [postmaster, ...children.split('\n').filter((line) => line.trim() !== '').map(Number)];
}

describe('PostgreSQL frozen mid-run (connections open, nothing answers)', () => {
  it('answers 503 after the query timeout instead of hanging, and serves again once it thaws', async () => {
    const seeded = await seedOrganization(server.url);
    const auth = tokenAuth(seeded.organization.id, seeded.token.token);
    const frozen = clusterProcesses(cluster);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const listed = await send(server.url, 'GET', '/api/v1/token', { auth });
      expect(listed.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    await eventually(async () => (await send(server.url, 'GET', '/api/v1/token', { auth })).status === 200, 15_000);
  }, 45_000);
});

describe('PostgreSQL unreachable at start', () => {
  it('is one line naming host and port (never the password), and exit 1', async () => {
    const port = await unusedLoopbackPort();
    const bin = fileURLToPath(new URL('../../bin/appclacks.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'server', '--port', '0', '--db', `postgres://app:hunter2@127.0.0.1:${port}/appclacks`], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED)\n`);
  });
});
