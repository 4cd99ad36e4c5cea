// What every end-to-end file needs: its own server and organization, a
// private HOME/XDG_CONFIG_HOME holding the config file, and a way to run the
// built CLI (without a terminal) against them.
import { execFile } from 'node:child_process';
import { expect } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createToken, registerAccount, startTestServer, type CreatedToken, type CreateTokenOptions, type RegisteredAccount, type TestServer } from '../helpers/server';
import { BIN, childEnv, ensureBuilt, ROOT, spawnApp, type PtyOptions, type PtySession } from '../helpers/pty';

export interface E2eProfile {
  name: string;
  token: CreatedToken;
}

export interface E2eWorld {
  server: TestServer;
  account: RegisteredAccount;
  home: string;
  configPath: string;
  /** Variables every child gets: private HOME and config dir, the test server. */
  env: Record<string, string>;
  /** Creates a token through the API (password auth), as seeding. */
  addToken(options: CreateTokenOptions): Promise<CreatedToken>;
  /** Writes the config file with these profiles; the first one is the default unless given. */
  writeConfig(profiles: E2eProfile[], defaultProfile?: string): void;
  readConfig(): string;
  /** Runs the UI (or any command) in a pseudo-terminal; disposed by close(). */
  spawn(options: Omit<PtyOptions, 'env'> & { env?: Record<string, string | undefined> }): PtySession;
  /** Runs `appclacks ARGS` without a terminal; stdin is closed. */
  cli(args: string[], env?: Record<string, string | undefined>): Promise<CliResult>;
  close(): Promise<void>;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: childEnv(env), timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

export interface WorldOptions {
  /** The server's clock, e.g. shifted back to create tokens that are already expired. */
  clock?: () => number;
  /** False: a server with only the official API (no token/current, last-used-at or rotation). */
  extensions?: boolean;
}

export async function createWorld(options: WorldOptions = {}): Promise<E2eWorld> {
  ensureBuilt();
  const server = await startTestServer({ ...(options.clock && { clock: options.clock }), ...(options.extensions !== undefined && { extensions: options.extensions }) });
  const account = await registerAccount(server.url);
  const home = mkdtempSync(join(tmpdir(), 'appclacks-e2e-'));
  const configDir = join(home, '.config', 'appclacks');
  mkdirSync(configDir, { recursive: true });
  const configPath = join(configDir, 'appclacks.yaml');
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPCLACKS_API_ENDPOINT: server.url };
  const sessions: PtySession[] = [];

  return {
    server,
    account,
    home,
    configPath,
    env,
    addToken: (options) => createToken(server.url, account, options),
    writeConfig(profiles, defaultProfile) {
      const data = {
        'default-profile': defaultProfile ?? profiles[0]?.name,
        profiles: Object.fromEntries(
          profiles.map((p) => [p.name, { 'organization-id': account.organization.id, 'api-token': p.token.token }]),
        ),
      };
      writeFileSync(configPath, stringify(data), { mode: 0o600 });
    },
    readConfig: () => readFileSync(configPath, 'utf8'),
    spawn(options) {
      const session = spawnApp({ ...options, env: { ...env, ...options.env } });
      sessions.push(session);
      return session;
    },
    cli: (args, extra = {}) => runCli(args, { ...env, ...extra }),
    async close() {
      await Promise.all(sessions.map((s) => s.dispose()));
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The terminal is as the UI found it: normal screen, cursor shown, bracketed paste off. */
export async function expectRestored(ui: PtySession): Promise<void> {
  await ui.settle();
  expect(ui.isAlternateScreen()).toBe(false);
  expect(ui.cursorVisible()).toBe(true);
  // A shell left in bracketed-paste mode shows ^[[200~ around every paste.
  expect(ui.bracketedPaste()).toBe(false);
}
