// Runs the built `appclacks` as a user would: a child process with a clean
// environment (nothing of the developer's APPCLACKS_* leaks in), a private
// home and config directory, and stdin closed unless a test pipes something.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN_PATH = path.join(ROOT, 'bin', 'appclacks.js');
const BIN = BIN_PATH;
const BUNDLE = path.join(ROOT, 'dist', 'appclacks.js');

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BinRunOptions {
  /** Extra variables, on top of HOME, XDG_CONFIG_HOME and the endpoint. */
  env?: Record<string, string>;
  /** Piped to stdin; without it stdin is closed ('ignore'). */
  input?: string;
}

export interface Sandbox {
  home: string;
  /** Where the official CLI (and we) keep the config: $XDG_CONFIG_HOME/appclacks/appclacks.yaml */
  configPath: string;
  /** The environment every run gets. */
  baseEnv: Record<string, string>;
  run(args: readonly string[], options?: BinRunOptions): Promise<BinResult>;
  remove(): void;
}

export function assertBuilt(): void {
  if (!existsSync(BUNDLE)) throw new Error('dist/appclacks.js is missing: run `npm run build` before the CLI tests');
}

// Several people share this working tree, and `npm run build` empties dist/
// before writing it again: a run that lands in that gap is retried rather
// than reported as a failure of the program.
function hitRebuild(result: BinResult): boolean {
  return result.code !== 0 && /is not built yet|ERR_MODULE_NOT_FOUND|Cannot find module .*dist/.test(result.stderr);
}

export async function runBin(args: readonly string[], env: Record<string, string>, input?: string): Promise<BinResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await spawnBin(args, env, input);
    if (attempt >= 10 || !hitRebuild(result)) return result;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function spawnBin(args: readonly string[], env: Record<string, string>, input?: string): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      cwd: env.HOME,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A private home for one test; `endpoint` is what APPCLACKS_API_ENDPOINT points at. */
export function createSandbox(endpoint: string): Sandbox {
  assertBuilt();
  const home = mkdtempSync(path.join(tmpdir(), 'appclacks-cli-'));
  const configHome = path.join(home, 'config');
  const baseEnv = { HOME: home, XDG_CONFIG_HOME: configHome, APPCLACKS_API_ENDPOINT: endpoint };
  return {
    home,
    configPath: path.join(configHome, 'appclacks', 'appclacks.yaml'),
    baseEnv,
    run: (args, options = {}) => runBin(args, { ...baseEnv, ...options.env }, options.input),
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

/**
 * An `appclacks` command in `dir`, as an installed one would be on PATH: the
 * completion scripts run the program as the user typed it.
 */
export function installCommand(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const command = path.join(dir, 'appclacks');
  writeFileSync(command, `#!/bin/sh\nexec '${process.execPath}' '${BIN_PATH}' "$@"\n`, { mode: 0o755 });
  return command;
}
