// A running demo: server, seeded organization and config file, and the one
// function that takes them all down again.
import { createClient } from '../api';
import { startServer } from '../server/start';
import { ADMIN_PROFILE, READONLY_PROFILE } from './plan';
import { createShiftableClock, seedDemo, type DemoSeed } from './seed';
import { createDemoWorkspace, type DemoWorkspace } from './workspace';
import { ConfigStore } from '../config';
import type { DemoAccess } from './environment';

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

export async function startDemo(options: StartDemoOptions = {}): Promise<DemoSession> {
  const workspace = createDemoWorkspace(options.tempParent);
  const clock = createShiftableClock();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    server = await startServer({ host: '127.0.0.1', port: options.port ?? 0, dbPath: workspace.dbPath, registration: true, clock: clock.now });
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
