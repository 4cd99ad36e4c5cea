// Drives the real App in memory (./memory-terminal), following docs/terminal.md §17: wait
// for the input listener, one key per write, then wait for the frame to show
// the expected text (never a fixed sleep).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src/api/client';
import type { AppclacksApi } from '../../src/api/types';
import { resolveContext } from '../../src/config/resolve';
import { ConfigStore } from '../../src/config/store';
import type { Env, Profile } from '../../src/config/types';
import type { StoreDeps } from '../../src/state/deps';
import { initialState } from '../../src/state/reducer';
import { createStore, type Store } from '../../src/state/store';
import type { SessionInput, Size } from '../../src/state/types';
import { buildStoreDeps } from '../../src/tui/deps';
import { sessionFromContext } from '../../src/tui/session';
import { App } from '../../src/screens/App';
import { renderInMemory } from './memory-terminal';
import { createToken, registerAccount, startTestServer, type CreatedToken, type RegisteredAccount, type TestServer } from './server';

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  left: '\u001b[D',
  right: '\u001b[C',
  enter: '\r',
  escape: '\u001b',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  backspace: '\u007f',
  delete: '\u001b[3~',
  space: ' ',
  ctrlC: '\u0003',
} as const;

export async function waitUntil(check: () => boolean, describe: () => string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * ink draws a frame as React commits it, and runs effects after: a component
 * that appeared in that frame (a text field) subscribes to keys a moment
 * later. A person never types within that moment; a test waits for it.
 */
const effectsOfLastFrame = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Driven {
  store: Store;
  frame(): string;
  /** Writes one key, then waits until the frame contains `expect` (when given). */
  press(key: string, expect?: string | RegExp): Promise<void>;
  type(text: string): Promise<void>;
  waitFor(expect: string | RegExp): Promise<void>;
  waitForGone(text: string): Promise<void>;
  resize(size: Size): void;
  exits: number;
  writes: string[];
  unmount(): void;
}

function matches(frame: string, expect: string | RegExp): boolean {
  return typeof expect === 'string' ? frame.includes(expect) : expect.test(frame);
}

export async function drive(store: Store, clock: () => number = Date.now): Promise<Driven> {
  const writes: string[] = [];
  const driven = { exits: 0 } as Driven;
  const app = renderInMemory((keys) => <App store={store} clock={clock} keyBytes={keys} onExit={() => (driven.exits += 1)} />);
  const frame = () => app.lastFrame() ?? '';
  await waitUntil(() => app.keys.listenerCount('readable') > 0, () => 'the input listener');
  const waitFor = (expect: string | RegExp) => waitUntil(() => matches(frame(), expect), () => `${String(expect)} in\n${frame()}`);
  Object.assign(driven, {
    store,
    frame,
    writes,
    waitFor,
    waitForGone: (text: string) => waitUntil(() => !frame().includes(text), () => `${text} to go from\n${frame()}`),
    async press(key: string, expect?: string | RegExp) {
      await effectsOfLastFrame();
      app.stdin.write(key);
      if (expect !== undefined) await waitFor(expect);
      else {
        // Keys queued behind an Esc reach ink once ink has flushed the Esc.
        await waitUntil(() => app.keys.undelivered === 0, () => 'ink to read the keys');
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async type(text: string) {
      for (const ch of text) {
        const before = frame();
        await effectsOfLastFrame();
        app.stdin.write(ch);
        await waitUntil(() => frame() !== before, () => `a frame after typing ${JSON.stringify(ch)}`);
      }
    },
    resize(size: Size) {
      Object.defineProperty(app.stdout, 'columns', { configurable: true, get: () => size.columns });
      Object.defineProperty(app.stdout, 'rows', { configurable: true, value: size.rows });
      app.stdout.emit('resize');
    },
    unmount: () => app.unmount(),
  });
  return driven;
}

/** A store over fakes, for screens whose data can be fed in directly. */
export function fakeStore(session: Partial<SessionInput> = {}, overrides: Partial<StoreDeps> = {}, size: Size = { columns: 100, rows: 24 }) {
  const writes: string[] = [];
  const api = new Proxy({} as AppclacksApi, {
    get: (_t, name) => (name === 'then' ? undefined : async () => {
      throw new Error(`unexpected API call ${String(name)}`);
    }),
  });
  const deps: StoreDeps = {
    api,
    profiles: {
      path: '/tmp/none.yaml',
      read: async () => ({ profiles: [] }),
      upsert: async () => false,
      remove: async () => undefined,
      setDefault: async () => undefined,
    },
    resolveSession: async () => ({ ...baseSession, ...session }),
    env: {},
    clock: Date.now,
    writeTerminal: (s) => writes.push(s),
    ...overrides,
  };
  const baseSession: SessionInput = {
    profileName: { value: 'work', source: { kind: 'file', name: 'default-profile' } },
    profileExists: true,
    organizationId: { value: 'org-1', source: { kind: 'profile', name: 'work' } },
    token: { value: 'apc_secret_token_value', source: { kind: 'profile', name: 'work' } },
    endpoint: { value: 'http://127.0.0.1:1', source: { kind: 'env', name: 'APPCLACKS_API_ENDPOINT' } },
    configPath: '/tmp/none.yaml',
    overriddenBy: [],
  };
  return { store: createStore(deps, initialState({ ...baseSession, ...session }, size)), writes };
}

export interface World {
  server: TestServer;
  account: RegisteredAccount;
  admin: CreatedToken;
  configPath: string;
  env: Env;
  api: AppclacksApi;
  addToken(name: string, options?: { ttl?: string; description?: string; permissions?: string[] }): Promise<CreatedToken>;
  writeProfiles(profiles: Profile[], defaultProfile?: string): Promise<void>;
  /** A store wired exactly as runTui wires it, on this world's server and config file. */
  /** `wrap`: sees every API call (to count requests in flight), passing each to the real client. */
  store(extraEnv?: Env, flags?: { profile?: string }, wrap?: (api: AppclacksApi) => AppclacksApi): Promise<{ store: Store; writes: string[] }>;
  /** What that store is built from, for a test of one concern's effects on their own. */
  storeDeps(extraEnv?: Env): Promise<{ deps: StoreDeps; session: SessionInput; writes: string[] }>;
  close(): Promise<void>;
}

/** `extensions: false`: a server with only the official API (no token/current, no rotation). */
export async function startWorld(options: { extensions?: boolean } = {}): Promise<World> {
  const server = await startTestServer(options.extensions === undefined ? {} : { extensions: options.extensions });
  const account = await registerAccount(server.url);
  const admin = await createToken(server.url, account, { name: 'admin-cli', ttl: '1051200h', description: 'the profile token' });
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-tui-'));
  const configPath = join(dir, 'appclacks.yaml');
  const config = new ConfigStore(configPath);
  await config.upsertProfile({ name: 'admin', organizationId: account.organization.id, apiToken: admin.token }, { makeDefault: 'always' });
  const env: Env = { HOME: dir, APPCLACKS_CONFIG: configPath, APPCLACKS_API_ENDPOINT: server.url };
  const api = createClient({ endpoint: server.url });
  async function storeDeps(extraEnv: Env = {}, flags: { profile?: string } = {}, wrap = (api: AppclacksApi) => api) {
    const fullEnv = { ...env, ...extraEnv };
    const ctx = await resolveContext({ flags, env: fullEnv });
    const writes: string[] = [];
    const client = ctx.endpoint.value === server.url ? api : createClient({ endpoint: ctx.endpoint.value, connectTimeoutMs: 1000, requestTimeoutMs: 2000, retries: 0 });
    const deps = buildStoreDeps({ ctx, flags, env: fullEnv, api: wrap(client), clock: Date.now, writeTerminal: (s) => writes.push(s) });
    return { deps, session: sessionFromContext(ctx), writes };
  }
  return {
    server,
    account,
    admin,
    configPath,
    env,
    api,
    addToken: (name, options = {}) => createToken(server.url, account, { name, ...options }),
    async writeProfiles(profiles, defaultProfile) {
      for (const p of profiles) await config.upsertProfile(p);
      if (defaultProfile !== undefined) await config.setDefaultProfile(defaultProfile);
    },
    async store(extraEnv = {}, flags = {}, wrap = (api: AppclacksApi) => api) {
      const { deps, session, writes } = await storeDeps(extraEnv, flags, wrap);
      return { store: createStore(deps, initialState(session, { columns: 100, rows: 24 })), writes };
    },
    storeDeps: (extraEnv: Env = {}) => storeDeps(extraEnv),
    async close() {
      await api.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
