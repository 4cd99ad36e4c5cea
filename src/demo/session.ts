// A running demo: server, seeded organization and config file, and the one
// function that takes them all down again.
import { createClient } from '../api';
import { ConfigStore } from '../config';
import { UsageError } from '../errors';
import { startServer } from '../server/start';
import type { DemoAccess } from './environment';
import { ADMIN_PROFILE, READONLY_PROFILE } from './plan';
import { createShiftableClock, seedDemo, type DemoSeed } from './seed';
import { createDemoWorkspace, type DemoWorkspace } from './workspace';

export interface DemoSession {
  access: DemoAccess;
  seed: DemoSeed;
  workspace: DemoWorkspace;
  /** Stops the server and removes every file the demo wrote. Idempotent. */
  close(): Promise<void>;
}

export interface StartDemoOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Where the temp directory goes (tests); default the system temp dir. */
  tempParent?: string;
}

const HOST = '127.0.0.1';

/** A taken or forbidden --port is the user's to fix, not a bug. */
function listenError(error: unknown, port: number): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return new UsageError(`${HOST}:${port} is already in use`, { hint: 'pick another --port, or leave it out for a free one' });
  if (code === 'EACCES') return new UsageError(`not allowed to listen on ${HOST}:${port}`, { hint: 'use a port above 1023' });
  return error;
}

export async function startDemo(options: StartDemoOptions = {}): Promise<DemoSession> {
  const workspace = createDemoWorkspace(options.tempParent);
  const clock = createShiftableClock();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    server = await startServer({ host: HOST, port: options.port ?? 0, dbPath: workspace.dbPath, registration: true, clock: clock.now }).catch(
      (error: unknown) => {
        throw listenError(error, options.port ?? 0);
      },
    );
    const api = createClient({ endpoint: server.url });
    let seed: DemoSeed;
    try {
      seed = await seedDemo(api, clock);
    } finally {
      await api.close();
    }
    // Through the same store as `login`, so the file is exactly what the CLI writes.
    const config = new ConfigStore(workspace.configPath);
    await config.upsertProfile({ name: ADMIN_PROFILE, organizationId: seed.organizationId, apiToken: seed.adminToken }, { makeDefault: 'always' });
    await config.upsertProfile({ name: READONLY_PROFILE, organizationId: seed.organizationId, apiToken: seed.readonlyToken });
    const running = server;
    let closing: Promise<void> | undefined;
    return {
      access: { endpoint: running.url, configPath: workspace.configPath, email: seed.account.email, password: seed.account.password },
      seed,
      workspace,
      close() {
        closing ??= running.close().finally(() => workspace.remove());
        return closing;
      },
    };
  } catch (error) {
    await server?.close().catch(() => undefined);
    workspace.remove();
    throw error;
  }
}
