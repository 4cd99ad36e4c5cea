// `npm run bench`: speed as ratios against baselines measured in the same run,
// so the numbers mean the same on a laptop and on a loaded 2-core CI box.
// Everything runs on loopback against the project's own server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/appclacks.js');
const runs = Number(process.argv[2] ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeCommand(args, env) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return median(samples);
}

async function timeRequests(count, send) {
  // Warm-up: the connection, the JIT and SQLite's page cache.
  for (let i = 0; i < 50; i++) await send();
  const samples = [];
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) await send();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

function startServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'server', '--port', '0', '--db', join(dir, 'bench.db')], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/[^\s]+/.exec(out);
      if (match) resolve({ url: match[0], child });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

async function json(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status}`);
  return response.json();
}

const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const dir = mkdtempSync(join(tmpdir(), 'appclacks-bench-'));
const { url, child } = await startServer(dir);
try {
  const email = 'bench@example.com';
  const password = 'correct horse battery';
  const { organization } = await json(`${url}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organization: { name: 'bench' },
      account: { 'first-name': 'B', 'last-name': 'Ench', email, password },
    }),
  });
  const passwordAuth = { authorization: basic(email, password), 'content-type': 'application/json' };
  let admin;
  for (let i = 0; i < 50; i++) {
    const token = await json(`${url}/app/v1/token`, {
      method: 'POST',
      headers: passwordAuth,
      body: JSON.stringify({ name: `bench-${i}`, ttl: '72h', permissions: { actions: ['*'] } }),
    });
    admin ??= token;
  }
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    APPCLACKS_CONFIG: join(dir, 'appclacks.yaml'),
    APPCLACKS_API_ENDPOINT: url,
    APPCLACKS_ORGANIZATION_ID: organization.id,
    APPCLACKS_TOKEN: admin.token,
  };

  const rows = [];
  const node = timeCommand(['-e', '0'], env);
  rows.push(['node -e 0 (baseline)', node, 1]);
  for (const args of [['--version'], ['token', 'list'], ['token', 'list', '-o', 'json'], ['profile', 'current']]) {
    const ms = timeCommand([bin, ...args], env);
    rows.push([`appclacks ${args.join(' ')}`, ms, ms / node]);
  }

  const tokenAuth = { authorization: basic(organization.id, admin.token) };
  const health = await timeRequests(200, () => fetch(`${url}/healthz`).then((r) => r.text()));
  const list = await timeRequests(200, () => fetch(`${url}/api/v1/token`, { headers: tokenAuth }).then((r) => r.text()));
  const get = await timeRequests(200, () =>
    fetch(`${url}/api/v1/token/${admin.id}`, { headers: tokenAuth }).then((r) => r.text()),
  );

  console.log(`appclacks-tui benchmarks (median of ${runs} runs; ratio = time / baseline of its group)\n`);
  console.log('start-up, one process each');
  for (const [name, ms, ratio] of rows) console.log(`  ${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  x${ratio.toFixed(2)}`);
  console.log('\nserver, 200 sequential requests on one keep-alive connection');
  console.log(`  ${'GET /healthz (baseline)'.padEnd(34)} ${health.toFixed(0).padStart(6)} ms  x1.00`);
  console.log(`  ${'GET /api/v1/token/{id} (token auth)'.padEnd(34)} ${get.toFixed(0).padStart(6)} ms  x${(get / health).toFixed(2)}`);
  console.log(`  ${'GET /api/v1/token (50 tokens)'.padEnd(34)} ${list.toFixed(0).padStart(6)} ms  x${(list / health).toFixed(2)}`);
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
