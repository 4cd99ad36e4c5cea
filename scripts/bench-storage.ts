// `npm run bench`, storage part: authenticated GET /api/v1/token (100 tokens)
// requests per second with one instance on SQLite, one on PostgreSQL, and
// two on one PostgreSQL database. All three go through the same tiny
// round-robin proxy (one backend, or two), so the proxy's cost is in every
// number and the ratios compare the storage alone. Loopback only; a
// throwaway PostgreSQL cluster like the tests' (skipped when none is installed).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCluster, createDatabase, destroyCluster, findPostgresBinDir } from '../test/helpers/postgres';

const bin = fileURLToPath(new URL('../bin/appclacks.js', import.meta.url));
const TOKENS = 100;
const CONCURRENCY = 8;
const REQUESTS = 1_000;

interface Instance {
  url: string;
  child: ChildProcess;
}

function startInstance(db: string): Promise<Instance> {
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

/** Forwards each request to the next backend in turn, over keep-alive connections. */
async function roundRobin(backends: string[]): Promise<{ url: string; server: Server }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const target = new URL(backends[next++ % backends.length]!);
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function json(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** An organization with TOKENS tokens; returns token-auth headers. */
async function seed(url: string): Promise<Record<string, string>> {
  const email = 'bench@example.com';
  const password = 'correct horse battery';
  const { organization } = await json(`${url}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organization: { name: 'bench' }, account: { 'first-name': 'B', 'last-name': 'Ench', email, password } }),
  });
  let secret: string | undefined;
  for (let i = 0; i < TOKENS; i++) {
    const token = await json(`${url}/app/v1/token`, {
      method: 'POST',
      headers: { authorization: basic(email, password), 'content-type': 'application/json' },
      body: JSON.stringify({ name: `bench-${i}`, ttl: '72h', permissions: { actions: ['*'] } }),
    });
    secret ??= token.token as string;
  }
  return { authorization: basic(organization.id, secret!) };
}

/** Requests per second for REQUESTS list calls, CONCURRENCY at a time; the median of three rounds. */
async function listRate(url: string, headers: Record<string, string>): Promise<number> {
  const once = async () => {
    const response = await fetch(`${url}/api/v1/token`, { headers });
    await response.text();
    if (response.status !== 200) throw new Error(`GET /api/v1/token: ${response.status}`);
  };
  const round = async (count: number) => {
    let left = count;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) await once();
      }),
    );
    return count / (Number(process.hrtime.bigint() - start) / 1e9);
  };
  await round(200); // warm-up: connections, the JIT, caches
  const rates = [await round(REQUESTS), await round(REQUESTS), await round(REQUESTS)];
  return rates.sort((a, b) => a - b)[1]!;
}

async function measure(backends: Instance[], headers: Record<string, string>): Promise<number> {
  const proxy = await roundRobin(backends.map((b) => b.url));
  try {
    return await listRate(proxy.url, headers);
  } finally {
    proxy.server.closeAllConnections();
    proxy.server.close();
  }
}

const binDir = findPostgresBinDir();
console.log(`\nstorage: GET /api/v1/token (${TOKENS} tokens, token auth), ${CONCURRENCY} clients, through a round-robin proxy`);
if (!binDir) {
  console.log('  skipped: no PostgreSQL found (apt-get install -y postgresql)');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-bench-storage-'));
  const cluster = await createCluster(binDir);
  const instances: Instance[] = [];
  try {
    const sqlite = await startInstance(join(dir, 'bench.db'));
    instances.push(sqlite);
    const sqliteRate = await measure([sqlite], await seed(sqlite.url));
    sqlite.child.kill('SIGTERM');

    const databaseUrl = await createDatabase(cluster);
    const first = await startInstance(databaseUrl);
    instances.push(first);
    const headers = await seed(first.url);
    const onePg = await measure([first], headers);
    const second = await startInstance(databaseUrl);
    instances.push(second);
    const twoPg = await measure([first, second], headers);

    const row = (name: string, rate: number) =>
      console.log(`  ${name.padEnd(34)} ${rate.toFixed(0).padStart(6)} req/s  x${(rate / sqliteRate).toFixed(2)}`);
    row('1 instance, SQLite (baseline)', sqliteRate);
    row('1 instance, PostgreSQL', onePg);
    row('2 instances, one PostgreSQL', twoPg);
    console.log(
      '  (each request: Basic auth, a SHA-256 of the secret, one indexed lookup, one list query, JSON of 100 tokens;\n' +
        '   PostgreSQL adds a loopback round trip per query; a second instance adds a second Node process to share the cores)',
    );
  } finally {
    for (const instance of instances) instance.child.kill('SIGTERM');
    destroyCluster(cluster);
    rmSync(dir, { recursive: true, force: true });
  }
}
