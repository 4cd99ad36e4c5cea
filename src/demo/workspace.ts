// The demo's files: one private temp directory holding the server's database
// and the config file, removed as a whole on exit. Nothing outside it is
// written, so the user's own config file is never touched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

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

export interface DemoProfile {
  name: string;
  organizationId: string;
  apiToken: string;
}

/** The official CLI's file shape (API.md, "Configuration"), private to the user. */
export function writeDemoConfig(path: string, defaultProfile: string, profiles: DemoProfile[]): void {
  const body = stringify({
    'default-profile': defaultProfile,
    profiles: Object.fromEntries(
      profiles.map((profile) => [profile.name, { 'organization-id': profile.organizationId, 'api-token': profile.apiToken }]),
    ),
  });
  writeFileSync(path, `# Written by \`appclacks demo\`; deleted when the demo exits.\n${body}`, { mode: 0o600 });
}
