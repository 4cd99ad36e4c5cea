// What one start-up change gains: two builds of the program, A and B, timed in
// pairs (A, B, then B, A, …) on each Node of benchNodes(), against one server.
// Prints the medians and the median of the paired differences (A − B) for
// `token list` and for the UI's first frame with the token list.
//
// Usage: node scripts/bench-levers.mjs [--pairs 15] [--cli-only|--ui-only] A/bin/appclacks.js B/bin/appclacks.js
// A build to compare is a copy of bin/, dist/ and package.json (the CLI and
// the UI load nothing else): `mkdir -p /tmp/a && cp -a bin dist package.json /tmp/a`.
import { benchNodes, benchServer, CPU_TIME, interleave, median, timeProcess, uiLaunch } from './bench-lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const flag = (name) => {
  const at = args.indexOf(name);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
};
const pairs = Number(option('--pairs', 15));
const cliOnly = flag('--cli-only');
const uiOnly = flag('--ui-only');
const [binA, binB] = args;
if (!binA || !binB) throw new Error('usage: bench-levers.mjs [--pairs N] A/bin/appclacks.js B/bin/appclacks.js');

const fmt = (ms) => `${ms.toFixed(0).padStart(5)} ms`;
function report(label, [a, b]) {
  const diffs = a.map((value, i) => value - b[i]);
  console.log(`  ${label.padEnd(28)} A ${fmt(median(a))}  B ${fmt(median(b))}  A−B ${fmt(median(diffs))} (median of ${a.length} pairs)`);
  return { a: median(a), b: median(b), aMinusB: median(diffs) };
}

const server = await benchServer();
const results = {};
try {
  for (const node of benchNodes()) {
    console.log(`Node ${node.version} (${node.path})`);
    const out = (results[node.version] = {});
    if (!uiOnly) {
      const cpu = { a: [], b: [] };
      const list = (bin, into) => () => {
        const { wall, cpu: ms } = timeProcess(node.path, [bin, 'token', 'list'], server.env, /bench-099/, true);
        if (ms !== undefined) into.push(ms);
        return wall;
      };
      out.tokenList = report('token list, wall', await interleave([list(binA, cpu.a), list(binB, cpu.b)], pairs));
      if (CPU_TIME) out.tokenListCpu = report('token list, CPU', [cpu.a, cpu.b]);
    }
    if (!cliOnly) {
      const cpu = { a: [], b: [] };
      const ui = (bin, into) => async () => {
        const launch = await uiLaunch(node.path, bin, server.uiEnv, true);
        if (launch.cpu !== undefined) into.push(launch.cpu);
        return launch.listed;
      };
      out.uiListed = report('UI, first list frame', await interleave([ui(binA, cpu.a), ui(binB, cpu.b)], pairs));
      if (cpu.a.length === pairs && cpu.b.length === pairs) out.uiCpu = report('UI to the list, CPU', [cpu.a, cpu.b]);
    }
  }
} finally {
  await server.close();
}
console.log(JSON.stringify(results));
