import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../src/config/resolve';
import { ConfigStore } from '../../src/config/store';
import { sessionFromContext } from '../../src/tui/session';

describe('the session the UI starts with', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'appclacks-session-'));
    const configPath = join(dir, 'appclacks.yaml');
    await new ConfigStore(configPath).upsertProfile({ name: 'work', organizationId: 'org-work', apiToken: 'apc_work_secret_123456' }, { makeDefault: 'always' });
    env = { HOME: dir, APPCLACKS_CONFIG: configPath };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the default profile with its sources', async () => {
    const session = sessionFromContext(await resolveContext({ env }));
    expect(session.profileName).toEqual({ value: 'work', source: { kind: 'file', name: 'default-profile' } });
    expect(session.token?.source).toEqual({ kind: 'profile', name: 'work' });
    expect(session.overriddenBy).toEqual([]);
  });

  it('says which environment variables override the profile', async () => {
    const session = sessionFromContext(await resolveContext({ env: { ...env, APPCLACKS_TOKEN: 'apc_env' } }));
    expect(session.token).toEqual({ value: 'apc_env', source: { kind: 'env', name: 'APPCLACKS_TOKEN' } });
    expect(session.overriddenBy).toEqual(['APPCLACKS_TOKEN']);
  });

  it('has no credentials when the profile asked for is not in the file, even with env credentials', async () => {
    const ctx = await resolveContext({ env: { ...env, APPCLACKS_ORGANIZATION_ID: 'o', APPCLACKS_TOKEN: 't' }, flags: { profile: 'nope' } });
    const session = sessionFromContext(ctx);
    expect(session.profileExists).toBe(false);
    expect(session.token).toBeUndefined();
    expect(session.organizationId).toBeUndefined();
  });

  it('keeps the account email and password from the environment for the wizard', async () => {
    const session = sessionFromContext(await resolveContext({ env: { ...env, APPCLACKS_ACCOUNT_EMAIL: 'a@b.c', APPCLACKS_ACCOUNT_PASSWORD: 'pw' } }));
    expect(session.email?.value).toBe('a@b.c');
    expect(session.password?.source).toEqual({ kind: 'env', name: 'APPCLACKS_ACCOUNT_PASSWORD' });
  });
});
