// `npm run test:install`: what a user gets from `npm install -g`. Packs the
// project, installs the tarball into temporary prefixes and runs the installed
// commands: `appclacks --version`, `appclacks server`, `appclacks token list`
// against that server on loopback, and `appclacks-tui` in a pseudo-terminal.
// Twice: a default install (the SQLite driver compiles where no prebuilt binary
// can be fetched, so this takes a minute or more and is kept out of `npm test`)
// and one on a machine where the native build fails, made so by a compiler that
// always fails: the CLI and the UI must work there, and the server must say what
// to install. (`--omit=optional` cannot stand for it: npm ignores it for a global
// install of a tarball.) npm uses the registry it is configured with, preferring
// its cache.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, ROOT, spawnApp } from '../helpers/pty';
import { createToken, registerAccount } from '../helpers/server';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const work = mkdtempSync(join(tmpdir(), 'appclacks-install-'));
let failures = 0;
let checks = 0;

function check(what: string, ok: boolean, detail = ''): void {
  checks++;
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail && !ok ? `\n     ${detail.replace(/\n/g, '\n     ')}` : ''}`);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(file: string, args: string[], env: Record<string, string | undefined> = {}, timeout = 60_000, cwd = work): Promise<Run> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = execFile(file, args, { cwd, env: childEnv(env), timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, ms: Date.now() - start });
    });
    child.stdin?.end();
  });
}

function bytesUnder(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytesUnder(join(path, entry)), 0);
}

/** Installed packages: every folder holding a package.json directly under a node_modules. */
function packagesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(modules, entry.name);
      if (entry.name.startsWith('@')) {
        walk(path);
        continue;
      }
      if (statSync(join(path, 'package.json'), { throwIfNoEntry: false })) found.push(path.slice(dir.length + 1));
      if (statSync(join(path, 'node_modules'), { throwIfNoEntry: false })) walk(join(path, 'node_modules'));
    }
  };
  walk(dir);
  return found;
}

/** `appclacks server` from the installed prefix, on a free loopback port. */
function startInstalledServer(bin: string, env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['server', '--port', '0', '--db', join(work, `server-${Date.now()}.db`)], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) {
        resolve({
          url,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

async function pack(): Promise<string> {
  // prepare builds dist/ before packing: the tarball carries the built program.
  const result = await run('npm', ['pack', '--silent', '--pack-destination', work], { npm_config_cache: process.env.npm_config_cache }, 300_000, ROOT);
  if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stdout}${result.stderr}`);
  const tarball = join(work, result.stdout.trim().split('\n').pop()!);
  const listing = await run('tar', ['tzf', tarball]);
  const files = listing.stdout.split('\n').filter(Boolean);
  check('the tarball carries the built program', files.includes('package/dist/appclacks.js') && files.some((f) => f.startsWith('package/dist/chunks/')));
  check('the tarball carries neither sources, tests, source maps nor the build metafile', !files.some((f) => /^package\/(src|test|scripts)\/|\.map$|meta\.json$/.test(f)), files.join('\n'));
  console.log(`     tarball: ${(statSync(tarball).size / 1024).toFixed(0)} kB, ${files.length} files`);
  return tarball;
}

async function install(tarball: string, label: string, buildEnv: Record<string, string> = {}): Promise<{ prefix: string; bin: string; packages: string[] }> {
  const prefix = join(work, label.replace(/\W+/g, '-'));
  // npm's own environment (npm_config_*) from `npm run` would leak this
  // checkout's settings into the user's install: pass only the cache, the
  // machine's global npm config (registry, CA file; npm looks for it beside
  // the running node, which for a Node installed by .ci/run holds none), and
  // the headers native modules build against, which must be the running
  // Node's (.ci/run sets them for the Node it installs).
  const result = await run(
    'npm',
    ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
    {
      npm_config_cache: process.env.npm_config_cache,
      npm_config_globalconfig: process.env.npm_config_globalconfig,
      npm_config_nodedir: process.env.npm_config_nodedir,
      ...buildEnv,
    },
    900_000,
  );
  const output = `${result.stdout}\n${result.stderr}`;
  check(`${label}: npm install -g of the tarball succeeds`, result.code === 0, output);
  check(`${label}: no engine warnings on Node ${process.versions.node}`, !/EBADENGINE/.test(output), output);
  // npm 11 lists packages whose install scripts the user has not approved yet
  // (allowScripts). The driver's build is one, by design; this package's own
  // `prepare` is listed only because a local tarball is not a registry install,
  // and npm does not run it. Any other warning fails.
  const otherWarnings = output
    .split('\n')
    .filter((line) => /^npm warn/i.test(line) && !/^npm warn install-scripts( |$)/.test(line))
    // The failing-build install's own knob (read by the driver's prebuild step).
    .filter((line) => !(buildEnv.npm_config_build_from_source && /Unknown env config "build-from-source"/.test(line)));
  check(`${label}: npm prints no other warning`, otherWarnings.length === 0, otherWarnings.join('\n'));
  const flagged = [...output.matchAll(/^npm warn install-scripts {3}(\S+)@/gm)].map((m) => m[1]).sort();
  check(`${label}: only the SQLite driver has an install script`, flagged.every((name) => name === 'better-sqlite3' || name === pkg.name), flagged.join(', '));
  const installed = join(prefix, 'lib', 'node_modules');
  const packages = packagesUnder(installed);
  const bundled = packages.filter((p) => /(^|\/)(ink|react|fastify|zod|undici|yaml|commander|node-pty|vitest|esbuild|typescript)$/.test(p));
  check(`${label}: nothing that dist/ bundles is installed`, bundled.length === 0, bundled.join('\n'));
  console.log(`     ${label}: ${packages.length} packages, ${(bytesUnder(installed) / 1024 / 1024).toFixed(1)} MB, ${(result.ms / 1000).toFixed(1)} s`);
  return { prefix, bin: join(prefix, 'bin'), packages };
}

async function useInstalled(label: string, bin: string, server: { url: string }): Promise<void> {
  const version = await run(join(bin, 'appclacks'), ['--version']);
  check(`${label}: appclacks --version prints ${pkg.version}`, version.code === 0 && version.stdout.trim() === pkg.version, version.stdout + version.stderr);

  const account = await registerAccount(server.url);
  const token = await createToken(server.url, account, { name: 'install-check' });
  await createToken(server.url, account, { name: 'second-token' });
  const env = { HOME: work, XDG_CONFIG_HOME: join(work, 'config'), APPCLACKS_API_ENDPOINT: server.url, APPCLACKS_ORGANIZATION_ID: account.organization.id, APPCLACKS_TOKEN: token.token };
  const list = await run(join(bin, 'appclacks'), ['token', 'list'], env);
  check(`${label}: appclacks token list lists the server's tokens`, list.code === 0 && list.stdout.includes('install-check') && list.stdout.includes('second-token'), list.stdout + list.stderr);

  const ui = spawnApp({ file: join(bin, 'appclacks-tui'), args: [], cols: 100, rows: 30, env, cwd: work });
  try {
    await ui.waitForText('second-token', 30_000);
    check(`${label}: appclacks-tui shows the token list in a terminal`, true);
    ui.press('q');
    const exit = await ui.exited;
    check(`${label}: appclacks-tui quits on q with exit code 0`, exit.exitCode === 0, `exit ${exit.exitCode}`);
  } catch (error) {
    check(`${label}: appclacks-tui shows the token list in a terminal`, false, String(error));
  } finally {
    await ui.dispose();
  }
}

try {
  const tarball = await pack();

  const full = await install(tarball, 'default install');
  const server = await startInstalledServer(join(full.bin, 'appclacks'), { HOME: work });
  check('default install: appclacks server runs from the install', true);
  try {
    await useInstalled('default install', full.bin, server);

    // No prebuilt binary (build from source) and a compiler that fails at once.
    const failing = 'where the native build fails';
    const broken = await install(tarball, failing, { npm_config_build_from_source: 'true', CC: 'false', CXX: 'false' });
    check(`${failing}: npm dropped the driver and kept the rest`, !broken.packages.some((p) => p.endsWith('better-sqlite3')), broken.packages.join('\n'));
    await useInstalled(failing, broken.bin, server);
    for (const command of [['server', '--port', '0'], ['demo', '--server-only']]) {
      const refused = await run(join(broken.bin, 'appclacks'), command, { HOME: work });
      check(
        `${failing}: appclacks ${command[0]} says in one line what to install`,
        refused.code === 2 && /^error: .*`npm install -g better-sqlite3@[\d.]+`\n$/.test(refused.stderr),
        refused.stderr,
      );
    }
  } finally {
    await server.stop();
  }
} catch (error) {
  check('the install check ran to the end', false, error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Deliberately not the "N passed, N failed" shape: the vitest run before this
// is the project's test count.
console.log(failures === 0 ? `install check: all ${checks} checks ok` : `install check: ${failures} of ${checks} checks FAILED`);
process.exit(failures === 0 ? 0 : 1);
