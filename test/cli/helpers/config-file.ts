import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ProfileFixture {
  name: string;
  organizationId: string;
  apiToken: string;
}

/** A config file as a person or the official CLI wrote it, comments included. */
export function writeConfig(file: string, profiles: readonly ProfileFixture[], defaultProfile?: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const lines = ['# written by hand: keep this comment', ...(defaultProfile ? [`default-profile: ${defaultProfile}`] : []), 'profiles:'];
  for (const p of profiles) {
    lines.push(`  ${p.name}: # ${p.name} comment`, `    organization-id: ${p.organizationId}`, `    api-token: ${p.apiToken}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}
