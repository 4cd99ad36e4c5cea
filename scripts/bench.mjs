// `npm run bench`: start-up against honest floors, measured in the same run,
// on every Node it is given: this one, and each path in APPCLACKS_BENCH_NODES
// (separated by `:`). Every figure is timed interleaved with its floors
// (A, B, C, A, B, C…, who goes first rotating), so a burst of load elsewhere
// on the machine hits them alike, and reported as medians and ratios:
//
// - `node -e 0`: what any Node program pays before its first line runs;
// - for `token list`, a same-stack floor: scripts/bench-floor-list.mjs, one
//   `node:http` GET of the same list that prints each id and name;
// - for the UI, the bundled Ink hello (scripts/bench-hello.tsx, dist/'s
//   esbuild settings and bin/'s compile cache), to its first frame.
//
// The official Go CLI's time is an anchor given as a constant, not measured.
// Everything runs on loopback against the project's own server; the results
// also go to .bench/results.json. Usage: node scripts/bench.mjs [runs, default 10]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleSettings, root } from './bundle-settings.mjs';
import {
  BIN as bin,
  basic,
  benchNodes,
  benchServer,
  COLS,
  interleave,
  launchInPty,
  LISTED as listed,
  median,
  ROWS,
  sleep,
  timeOnce,
  TOKENS,
  visibleText,
} from './bench-lib.mjs';

const runs = Number(process.argv[2] ?? 10);
const PRESSES = 30;
// Not measured here (it is not installed): the official Go CLI's `token list`
// of the same 100 tokens against the same kind of server, on an idle 2-core
// machine. What a native binary costs: an anchor, not a target for Node.
const GO_CLI_TOKEN_LIST_MS = 8;
const TARGETS = { tokenListOverFloor: 1.25, versionOverNode: 1.3, uiListOverHello: 1.5, uiFirstFrameOverHello: 1.15 };

/** The Ink floor: one <Text>, built with dist/'s esbuild settings, started as bin/ starts the program. */
async function buildHello() {
  const outdir = join(root, '.bench', 'hello');
  rmSync(outdir, { recursive: true, force: true });
  await build({ ...bundleSettings, entryPoints: { hello: 'scripts/bench-hello.tsx' }, outdir, sourcemap: false, metafile: false });
  const start = join(outdir, 'start.mjs');
  writeFileSync(
    start,
    [
      "import module from 'node:module';",
      "import { homedir } from 'node:os';",
      "import { join } from 'node:path';",
      "if (typeof module.enableCompileCache === 'function') module.enableCompileCache(join(homedir(), '.cache', 'appclacks-bench-hello'));",
      "await import('./hello.js');",
      '',
    ].join('\n'),
  );
  return start;
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

/** Waits until no byte arrived for `quietMs`. */
async function quiet(session, quietMs) {
  let last = Date.now();
  const off = session.onData(() => (last = Date.now()));
  while (Date.now() - last < quietMs) await sleep(5);
  off();
}
/** ↓ through the list: bytes written for each press, and how long until its first byte. */
async function measureKeys(uiEnv, listed) {
  const session = launchInPty(process.execPath, [bin, 'tui'], uiEnv, { listed });
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

const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;
function line(label, value, base, target) {
  const ratio = base ? `x${(value / base).toFixed(2)}` : '';
  const goal = target === undefined ? '' : `target ≤ x${target.toFixed(2)}  ${value / base <= target ? 'met' : 'MISSED'}`;
  console.log(`  ${label.padEnd(50)} ${ms(value)}  ${ratio.padEnd(6)}  ${goal}`);
}

const server = await benchServer();
const { env, uiEnv } = server;
const floorList = join(root, 'scripts', 'bench-floor-list.mjs');
const hello = await buildHello();
const results = { date: new Date().toISOString(), runs, goCliTokenListMs: GO_CLI_TOKEN_LIST_MS, targets: TARGETS, nodes: {} };
console.log(`appclacks-tui benchmarks: medians of ${runs} interleaved runs; each ratio is to a floor measured in the same run.`);
console.log('On a shared machine single figures move by 10-30 %; compare ratios, and run again before trusting a change.');
if (env.NODE_EXTRA_CA_CERTS) console.log('NODE_EXTRA_CA_CERTS is set: every node start, the floors too, first loads that certificate bundle.');
try {
  for (const [n, node] of benchNodes().entries()) {
    const time = (args, expect) => () => timeOnce(node.path, args, env, expect);
    const cli = [
      time(['-e', '0']),
      time([floorList], /bench-099/),
      time([bin, '--version']),
      time([bin, 'token', 'list'], /bench-099/),
      time([bin, 'token', 'list', '-o', 'json'], /bench-099/),
      time([bin, 'profile', 'current']),
    ];
    // Once each first: what a user who ran the program before has, the compile cache filled.
    for (const subject of cli) subject();
    const [nodeE0, floor, version, list, listJson, profile] = (await interleave(cli, runs)).map(median);

    const launchHello = async () => {
      const session = launchInPty(node.path, [hello], uiEnv);
      try {
        return await session.until('firstFrame');
      } finally {
        await session.stop();
      }
    };
    const uiFirstFrames = [];
    const launchUi = async () => {
      const session = launchInPty(node.path, [bin, 'tui'], uiEnv, { listed });
      try {
        await session.until('listed');
        uiFirstFrames.push(session.times.firstFrame);
        return session.times.listed;
      } finally {
        await session.stop();
      }
    };
    await launchHello();
    await launchUi();
    uiFirstFrames.length = 0;
    const [helloFrame, uiList] = (await interleave([launchHello, launchUi], runs)).map(median);
    const uiFirstFrame = median(uiFirstFrames);

    console.log(`\nNode ${node.version} (${node.path})`);
    console.log('  CLI start-up, one process each');
    line('node -e 0 (floor)', nodeE0, nodeE0);
    line('node:http GET of the list, id and name (floor)', floor, nodeE0);
    line(`appclacks token list (${TOKENS} tokens), to its floor`, list, floor, TARGETS.tokenListOverFloor);
    line('appclacks token list, to node -e 0', list, nodeE0);
    line('appclacks token list -o json, to its floor', listJson, floor);
    line('appclacks --version, to node -e 0', version, nodeE0, TARGETS.versionOverNode);
    line('appclacks profile current, to node -e 0', profile, nodeE0);
    console.log(`  ${`official Go CLI token list (anchor, not measured)`.padEnd(50)} ${ms(GO_CLI_TOKEN_LIST_MS)}  token list is x${(list / GO_CLI_TOKEN_LIST_MS).toFixed(1)} of it`);
    console.log(`  UI start-up in a ${COLS}x${ROWS} pseudo-terminal`);
    line('Ink hello, first frame (floor)', helloFrame, helloFrame);
    line('UI launch → first frame with the token list', uiList, helloFrame, TARGETS.uiListOverHello);
    line('UI launch → first frame of any kind', uiFirstFrame, helloFrame, TARGETS.uiFirstFrameOverHello);
    results.nodes[node.version] = {
      path: node.path,
      ms: { nodeE0, floorList: floor, version, tokenList: list, tokenListJson: listJson, profileCurrent: profile, inkHello: helloFrame, uiList, uiFirstFrame },
      ratios: {
        tokenListOverFloor: list / floor,
        tokenListOverNode: list / nodeE0,
        versionOverNode: version / nodeE0,
        uiListOverHello: uiList / helloFrame,
        uiFirstFrameOverHello: uiFirstFrame / helloFrame,
      },
    };

    // Keys and the server's request rate, on this process's Node only.
    if (n > 0) continue;
    const keys = await measureKeys(uiEnv, listed);
    const tokenAuth = { authorization: basic(server.organization.id, server.admin.token) };
    const health = await timeRequests(200, () => fetch(`${server.url}/healthz`).then((r) => r.text()));
    const listRequests = await timeRequests(200, () => fetch(`${server.url}/api/v1/token`, { headers: tokenAuth }).then((r) => r.text()));
    const get = await timeRequests(200, () => fetch(`${server.url}/api/v1/token/${server.admin.id}`, { headers: tokenAuth }).then((r) => r.text()));
    console.log(`  UI token list, ${PRESSES} presses of ↓ in ${TOKENS} tokens (report)`);
    console.log(`  ${'bytes written per ↓ (median)'.padEnd(50)} ${String(keys.bytesPerDown).padStart(5)} B`);
    console.log(`  ${'key to first byte (median)'.padEnd(50)} ${ms(keys.keyToFirstByteMs)}`);
    console.log('  server, 200 sequential requests on one keep-alive connection');
    line('GET /healthz (floor)', health, health);
    line('GET /api/v1/token/{id} (token auth)', get, health);
    line(`GET /api/v1/token (${TOKENS} tokens)`, listRequests, health);
    results.keys = { presses: PRESSES, tokens: TOKENS, terminal: `${COLS}x${ROWS}`, ...keys };
    results.server = { node: node.version, healthzMs: health, getTokenMs: get, listTokensMs: listRequests, requests: 200 };
  }
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten to .bench/results.json');
} finally {
  await server.close();
}
