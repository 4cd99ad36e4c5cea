// `npm run bench`: speed as ratios against baselines measured in the same run,
// so the numbers mean the same on a laptop and on a loaded 2-core CI box.
// Every subject is timed interleaved with its baseline (A, B, A, B…), so a
// burst of load elsewhere on the machine hits both. Everything runs on
// loopback against the project's own server; the results also go to
// .bench/results.json. Usage: node scripts/bench.mjs [runs, default 10]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import pty from 'node-pty';
import { bundleSettings, root } from './bundle-settings.mjs';

const bin = join(root, 'bin/appclacks.js');
const runs = Number(process.argv[2] ?? 10);
const TOKENS = 100;
const COLS = 100;
const ROWS = 30;
const PRESSES = 30;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function timeOnce(args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Times each command `runs` times, round-robin, so every round sees the same machine. */
function timeInterleaved(commands, env) {
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    // Rotate who goes first: the first process of a round may find colder caches.
    for (let k = 0; k < commands.length; k++) {
      const i = (round + k) % commands.length;
      samples[i].push(timeOnce(commands[i], env));
    }
  }
  return samples.map(median);
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

/** The Ink baseline: one <Text>, built with dist/'s esbuild settings. */
async function buildHello() {
  const outdir = join(root, '.bench', 'hello');
  rmSync(outdir, { recursive: true, force: true });
  await build({ ...bundleSettings, entryPoints: { hello: 'scripts/bench-hello.tsx' }, outdir, sourcemap: false, metafile: false });
  return join(outdir, 'hello.js');
}

/** What a terminal would show of `raw`, roughly: escape sequences and controls removed. */
function visibleText(raw) {
  return raw
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[()][0-9A-Za-z]/g, '')
    .replace(/\x1b./g, '')
    .replace(/[\x00-\x1f\x7f]/g, '');
}

/**
 * Starts `args` in a pseudo-terminal and records when its output first holds
 * visible text, and when it first matches each of `marks`.
 */
function launchInPty(args, env, marks = {}) {
  const start = process.hrtime.bigint();
  const child = pty.spawn(process.execPath, args, { name: 'xterm-256color', cols: COLS, rows: ROWS, cwd: root, env });
  const times = {};
  let raw = '';
  const listeners = new Set();
  child.onData((data) => {
    const at = Number(process.hrtime.bigint() - start) / 1e6;
    raw += data;
    const visible = visibleText(raw);
    if (times.firstFrame === undefined && /\S/.test(visible)) times.firstFrame = at;
    for (const [name, pattern] of Object.entries(marks)) if (times[name] === undefined && pattern.test(visible)) times[name] = at;
    for (const listener of listeners) listener(data, at);
  });
  const exited = new Promise((resolve) => child.onExit(resolve));
  return {
    child,
    times,
    output: () => raw,
    onData(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async until(name, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (times[name] === undefined) {
        if (Date.now() > deadline) throw new Error(`no ${name} within ${timeoutMs} ms; output: ${JSON.stringify(visibleText(raw).slice(-300))}`);
        await sleep(5);
      }
      return times[name];
    },
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
    },
  };
}

/** Waits until no byte arrived for `quietMs`. */
async function quiet(session, quietMs) {
  let last = Date.now();
  const off = session.onData(() => (last = Date.now()));
  while (Date.now() - last < quietMs) await sleep(5);
  off();
}

/** ↓ through the list: bytes written for each press, and how long until its first byte. */
async function measureKeys(uiEnv, listed) {
  const session = launchInPty([bin, 'tui'], uiEnv, { listed });
  try {
    await session.until('listed');
    await quiet(session, 300);
    const bytes = [];
    const latencies = [];
    for (let i = 0; i < PRESSES; i++) {
      const before = Buffer.byteLength(session.output());
      const firstByte = new Promise((resolve) => {
        const off = session.onData(() => {
          off();
          resolve(process.hrtime.bigint());
        });
      });
      const sent = process.hrtime.bigint();
      session.child.write('\x1b[B');
      latencies.push(Number((await firstByte) - sent) / 1e6);
      await quiet(session, 60);
      bytes.push(Buffer.byteLength(session.output()) - before);
    }
    if (!visibleText(session.output()).includes(`${PRESSES + 1}/${TOKENS}`)) throw new Error('the selection did not follow the presses');
    return { bytesPerDown: median(bytes), keyToFirstByteMs: median(latencies) };
  } finally {
    await session.stop();
  }
}

const rows = [];
function row(id, label, ms, baseline, target) {
  rows.push({ id, label, ms, baseline: baseline && { label: baseline.label, ms: baseline.ms }, ratio: baseline ? ms / baseline.ms : undefined, target });
}

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
  for (let i = 0; i < TOKENS; i++) {
    const token = await json(`${url}/app/v1/token`, {
      method: 'POST',
      headers: passwordAuth,
      body: JSON.stringify({ name: `bench-${String(i).padStart(3, '0')}`, ttl: '72h', permissions: { actions: ['*'] } }),
    });
    admin ??= token;
  }
  // The caller's environment, as a user's shell would pass it (it can change
  // every node start alike: NODE_EXTRA_CA_CERTS loads a certificate bundle
  // before any code runs), less what would change what is measured.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(APPCLACKS_|npm_|CI$|NODE_OPTIONS$|XDG_CONFIG_HOME$|NO_COLOR$|FORCE_COLOR$)/.test(key)),
  );
  const env = {
    ...inherited,
    HOME: dir,
    APPCLACKS_CONFIG: join(dir, 'appclacks.yaml'),
    APPCLACKS_API_ENDPOINT: url,
    APPCLACKS_ORGANIZATION_ID: organization.id,
    APPCLACKS_TOKEN: admin.token,
  };
  // Never CI in the UI's environment: ink stops drawing frames when it is set.
  const uiEnv = { ...env, TERM: 'xterm-256color', LANG: 'C.UTF-8' };

  // CLI start-up, interleaved with `node -e 0`.
  const commands = [['-e', '0'], [bin, '--version'], [bin, 'token', 'list'], [bin, 'token', 'list', '-o', 'json'], [bin, 'profile', 'current']];
  const [node, version, list, listJson, profile] = timeInterleaved(commands, env);
  const nodeBase = { label: 'node -e 0', ms: node };
  row('cli-token-list', `appclacks token list (${TOKENS} tokens)`, list, nodeBase, 2.0);
  row('cli-version', 'appclacks --version', version, nodeBase, 1.3);
  row('cli-token-list-json', 'appclacks token list -o json', listJson, nodeBase);
  row('cli-profile-current', 'appclacks profile current', profile, nodeBase);

  // UI start-up in a pseudo-terminal, interleaved with the bundled Ink hello.
  const hello = await buildHello();
  const listed = new RegExp(`${TOKENS} tokens`);
  const helloFrames = [];
  const uiFirstFrames = [];
  const uiListed = [];
  for (let round = 0; round < runs; round++) {
    const order = round % 2 ? ['ui', 'hello'] : ['hello', 'ui'];
    for (const which of order) {
      if (which === 'hello') {
        const session = launchInPty([hello], uiEnv);
        helloFrames.push(await session.until('firstFrame'));
        await session.stop();
      } else {
        const session = launchInPty([bin, 'tui'], uiEnv, { listed });
        await session.until('listed');
        uiFirstFrames.push(session.times.firstFrame);
        uiListed.push(session.times.listed);
        await session.stop();
      }
    }
  }
  const helloBase = { label: 'Ink hello, first frame', ms: median(helloFrames) };
  row('ui-token-list', `UI launch → first frame with the token list`, median(uiListed), helloBase, 1.5);
  row('ui-first-frame', 'UI launch → first frame of any kind', median(uiFirstFrames), helloBase, 1.15);

  const keys = await measureKeys(uiEnv, listed);

  const tokenAuth = { authorization: basic(organization.id, admin.token) };
  const health = await timeRequests(200, () => fetch(`${url}/healthz`).then((r) => r.text()));
  const listRequests = await timeRequests(200, () => fetch(`${url}/api/v1/token`, { headers: tokenAuth }).then((r) => r.text()));
  const get = await timeRequests(200, () => fetch(`${url}/api/v1/token/${admin.id}`, { headers: tokenAuth }).then((r) => r.text()));

  const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;
  const line = (label, value, base, target) => {
    const ratio = base ? `x${(value / base).toFixed(2)}` : '';
    const goal = target === undefined ? '' : `target ≤ x${target.toFixed(2)}  ${value / base <= target ? 'met' : 'MISSED'}`;
    console.log(`  ${label.padEnd(46)} ${ms(value)}  ${ratio.padEnd(6)}  ${goal}`);
  };
  console.log(`appclacks-tui benchmarks: medians of ${runs} interleaved runs; ratio = time / baseline of its group, both from this run.`);
  console.log('On a shared machine single figures move by 10-30 %; compare ratios, and run again before trusting a change.');
  if (env.NODE_EXTRA_CA_CERTS) console.log('NODE_EXTRA_CA_CERTS is set: every node start, the baselines too, first loads that certificate bundle.');
  console.log('');
  console.log('CLI start-up, one process each');
  line('node -e 0 (baseline)', node, node);
  for (const r of rows.filter((r) => r.id.startsWith('cli-'))) line(r.label, r.ms, r.baseline.ms, r.target);
  console.log(`\nUI start-up in a ${COLS}x${ROWS} pseudo-terminal`);
  line('Ink hello, first frame (baseline)', helloBase.ms, helloBase.ms);
  for (const r of rows.filter((r) => r.id.startsWith('ui-'))) line(r.label, r.ms, r.baseline.ms, r.target);
  console.log(`\nUI token list, ${PRESSES} presses of ↓ in ${TOKENS} tokens (report)`);
  console.log(`  ${'bytes written per ↓ (median)'.padEnd(46)} ${String(keys.bytesPerDown).padStart(5)} B`);
  console.log(`  ${'key to first byte (median)'.padEnd(46)} ${ms(keys.keyToFirstByteMs)}`);
  console.log('\nserver, 200 sequential requests on one keep-alive connection');
  line('GET /healthz (baseline)', health, health);
  line('GET /api/v1/token/{id} (token auth)', get, health);
  line(`GET /api/v1/token (${TOKENS} tokens)`, listRequests, health);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    extraCaCerts: Boolean(env.NODE_EXTRA_CA_CERTS),
    runs,
    rows,
    keys: { presses: PRESSES, tokens: TOKENS, terminal: `${COLS}x${ROWS}`, ...keys },
    server: { healthzMs: health, getTokenMs: get, listTokensMs: listRequests, requests: 200 },
  };
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten to .bench/results.json');
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
