// What the start-up benchmarks share: a loopback server with 100 tokens, the
// environment a user's shell would pass, timing one process, and launching
// one in a pseudo-terminal until its output shows a given text.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pty from 'node-pty';
import { root } from './bundle-settings.mjs';

export const BIN = join(root, 'bin/appclacks.js');
export const TOKENS = 100;
export const COLS = 100;
export const ROWS = 30;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wall time of one process, start to exit, in ms; it must exit 0 (and print `expect` when given). */
export function timeOnce(node, args, env, expect) {
  return timeProcess(node, args, env, expect).wall;
}

const perf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { stdio: 'ignore' }).status === 0;
/** Whether timeProcess can also give CPU time (Linux `perf stat`, when installed and allowed). */
export const CPU_TIME = perf;

/**
 * One process: wall time in ms, and with `cpu` (where CPU_TIME) the CPU time
 * of all its threads, which load elsewhere on the machine moves far less than
 * wall time. perf's own start adds the same few ms to every wall time.
 */
export function timeProcess(node, args, env, expect, cpu = false) {
  const [file, argv] = cpu && perf ? ['perf', ['stat', '-x,', '-e', 'task-clock', '--log-fd', '3', node, ...args]] : [node, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { env, stdio: ['ignore', expect ? 'pipe' : 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${node} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  if (expect && !expect.test(result.stdout)) throw new Error(`${node} ${args.join(' ')} printed ${JSON.stringify(result.stdout.slice(0, 200))}`);
  const taskClock = /^([\d.]+),msec,task-clock/m.exec(result.output[3] ?? '');
  return { wall, cpu: taskClock ? Number(taskClock[1]) : undefined };
}

/**
 * Runs each of `subjects` (functions returning ms) `rounds` times, round-robin,
 * rotating who goes first, so a burst of load elsewhere hits them alike.
 * Returns every subject's samples, in order.
 */
export async function interleave(subjects, rounds) {
  const samples = subjects.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const i = (round + k) % subjects.length;
      samples[i].push(await subjects[i]());
    }
  }
  return samples;
}

function startServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'server', '--port', '0', '--db', join(dir, 'bench.db')], {
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

export async function json(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status}`);
  return response.json();
}

export const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * The project's server on a free loopback port with one organization and
 * TOKENS tokens, and the environment the CLI and the UI run with against it.
 */
export async function benchServer() {
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-bench-'));
  const { url, child } = await startServer(dir);
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
    Object.entries(process.env).filter(([key]) => !/^(APPCLACKS_|npm_|CI$|NODE_OPTIONS$|XDG_CONFIG_HOME$|NO_COLOR$|FORCE_COLOR$|NODE_COMPILE_CACHE$|NODE_DISABLE_COMPILE_CACHE$)/.test(key)),
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
  return {
    url,
    dir,
    organization,
    admin,
    env,
    uiEnv,
    async close() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a terminal would show of `raw`, roughly: escape sequences and controls removed. */
export function visibleText(raw) {
  return raw
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[()][0-9A-Za-z]/g, '')
    .replace(/\x1b./g, '')
    .replace(/[\x00-\x1f\x7f]/g, '');
}

/**
 * Starts `node args` in a pseudo-terminal and records when its output first
 * holds visible text, and when it first matches each of `marks`.
 */
export function launchInPty(node, args, env, marks = {}) {
  const start = process.hrtime.bigint();
  const child = pty.spawn(node, args, { name: 'xterm-256color', cols: COLS, rows: ROWS, cwd: root, env });
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
    exited: (timeoutMs) => Promise.race([exited, sleep(timeoutMs)]),
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
    },
  };
}

/** The UI's token list is on screen: its status line counts the tokens. */
export const LISTED = new RegExp(`${TOKENS} tokens`);

/**
 * Launches `appclacks tui` from `bin` and answers when the token list showed
 * (and its first frame); with `cpu` (where CPU_TIME), also the CPU time of
 * the process, which the prompt SIGTERM after the list keeps close to what
 * drawing it took.
 */
export async function uiLaunch(node, bin, uiEnv, cpu = false) {
  const file = cpu && perf ? join(mkdtempSync(join(tmpdir(), 'appclacks-perf-')), 'stat') : undefined;
  const [command, args] = file ? ['perf', ['stat', '-x,', '-e', 'task-clock', '-o', file, node, bin, 'tui']] : [node, [bin, 'tui']];
  const session = launchInPty(command, args, uiEnv, { listed: LISTED });
  try {
    await session.until('listed');
    // perf writes its figures when the program exits, not when it is killed: quit as a user would.
    if (file) {
      session.child.write('q');
      await session.exited(3000);
    }
  } finally {
    await session.stop();
  }
  let cpuMs;
  if (file) {
    for (let i = 0; i < 100 && cpuMs === undefined; i++) {
      const match = /^([\d.]+),msec,task-clock/m.exec(existsSync(file) ? readFileSync(file, 'utf8') : '');
      if (match) cpuMs = Number(match[1]);
      else await sleep(20);
    }
    rmSync(dirname(file), { recursive: true, force: true });
  }
  return { firstFrame: session.times.firstFrame, listed: session.times.listed, cpu: cpuMs };
}

/**
 * The Node binaries to measure on: this one, and each path in
 * APPCLACKS_BENCH_NODES (separated by `:`), e.g. the Node 24 that .ci/run installs.
 */
export function benchNodes() {
  const extra = (process.env.APPCLACKS_BENCH_NODES ?? '').split(':').filter(Boolean);
  const nodes = [process.execPath, ...extra.filter((path) => path !== process.execPath)];
  return nodes.map((path) => ({ path, version: spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim() }));
}
