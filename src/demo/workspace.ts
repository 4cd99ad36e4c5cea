// The demo's files: one private temp directory holding the server's database
// and the config file, removed as a whole on exit. Nothing outside it is
// written, so the user's own config file is never touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DemoWorkspace {
  dir: string;
  dbPath: string;
  configPath: string;
  /** Synchronous so it also works from a process 'exit' handler. Idempotent. */
  remove(): void;
}

export function createDemoWorkspace(parent: string = tmpdir()): DemoWorkspace {
  const dir = mkdtempSync(join(parent, 'appclacks-demo-'));
  return {
    dir,
    dbPath: join(dir, 'server.db'),
    configPath: join(dir, 'appclacks.yaml'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
