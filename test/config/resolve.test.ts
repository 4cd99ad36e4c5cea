import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accountCredentialsFromEnv,
  configStoreFor,
  describeSource,
  requireTokenCredentials,
  resolveContext,
} from '../../src/config';
import type { ConfigFlags, Env, Source } from '../../src/config';
import { AppError, ConfigError, UsageError } from '../../src/errors';
import { useTempDirs } from './temp-dir';

const FILE = [
  'default-profile: home',
  'profiles:',
  '  home:',
  '    organization-id: org-home',
  '    api-token: token-home',
  '  work:',
  '    organization-id: org-work',
  '    api-token: token-work',
  '',
].join('\n');

describe('resolveContext', () => {
  const tempDir = useTempDirs();

  /** A home directory whose default config file holds `content`. */
  async function homeWith(content: string | undefined, fileName = 'appclacks.yaml'): Promise<string> {
    const home = await tempDir();
    if (content !== undefined) {
      const dir = path.join(home, '.config', 'appclacks');
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, fileName), content);
    }
    return home;
  }

  /** `content` null: no config file at all. */
  async function resolve(env: Env, flags: ConfigFlags = {}, content: string | null = FILE) {
    const home = await homeWith(content ?? undefined);
    return resolveContext({ env: { HOME: home, ...env }, flags, platform: 'linux' });
  }

  const profileSource = (name: string): Source => ({ kind: 'profile', name });
  const env = (name: string): Source => ({ kind: 'env', name });
  const flag = (name: string): Source => ({ kind: 'flag', name });

  it.each<[string, ConfigFlags, Env, string, Source]>([
    ['file default', {}, {}, 'home', { kind: 'file', name: 'default-profile' }],
    ['env over file', {}, { APPCLACKS_PROFILE: 'work' }, 'work', env('APPCLACKS_PROFILE')],
    ['flag over env', { profile: 'home' }, { APPCLACKS_PROFILE: 'work' }, 'home', flag('--profile')],
    ['empty env is unset', {}, { APPCLACKS_PROFILE: '' }, 'home', { kind: 'file', name: 'default-profile' }],
  ])('selects the profile: %s', async (_, flags, vars, name, source) => {
    const ctx = await resolve(vars, flags);
    expect(ctx.profileName).toEqual({ value: name, source });
    expect(ctx.profile?.name).toBe(name);
    expect(ctx.organizationId).toEqual({ value: `org-${name}`, source: profileSource(name) });
    expect(ctx.token).toEqual({ value: `token-${name}`, source: profileSource(name) });
    expect(ctx.overriddenBy).toEqual([]);
    expect(ctx.missingProfile).toBeUndefined();
  });

  it('lets env variables override the profile field by field, and says which', async () => {
    const ctx = await resolve({ APPCLACKS_TOKEN: 'token-env' }, { profile: 'work' });
    expect(ctx.organizationId).toEqual({ value: 'org-work', source: profileSource('work') });
    expect(ctx.token).toEqual({ value: 'token-env', source: env('APPCLACKS_TOKEN') });
    expect(ctx.overriddenBy).toEqual(['APPCLACKS_TOKEN']);

    const both = await resolve({ APPCLACKS_TOKEN: 'token-env', APPCLACKS_ORGANIZATION_ID: 'org-env' });
    expect(both.organizationId).toEqual({ value: 'org-env', source: env('APPCLACKS_ORGANIZATION_ID') });
    expect(both.overriddenBy).toEqual(['APPCLACKS_ORGANIZATION_ID', 'APPCLACKS_TOKEN']);
    expect(requireTokenCredentials(both)).toEqual({ organizationId: 'org-env', token: 'token-env' });
  });

  it('takes credentials from env alone when there is no file', async () => {
    const ctx = await resolve({ APPCLACKS_ORGANIZATION_ID: 'o', APPCLACKS_TOKEN: 't' }, {}, null);
    expect(ctx.data).toEqual({ profiles: [] });
    expect(ctx.profileName).toBeUndefined();
    expect(ctx.overriddenBy).toEqual([]);
    expect(requireTokenCredentials(ctx)).toEqual({ organizationId: 'o', token: 't' });
  });

  it('reads account email and password only from env', async () => {
    const ctx = await resolve({ APPCLACKS_ACCOUNT_EMAIL: 'ada@example.com', APPCLACKS_ACCOUNT_PASSWORD: 'pw-123456789' });
    expect(ctx.email).toEqual({ value: 'ada@example.com', source: env('APPCLACKS_ACCOUNT_EMAIL') });
    expect(ctx.password).toEqual({ value: 'pw-123456789', source: env('APPCLACKS_ACCOUNT_PASSWORD') });
    expect(accountCredentialsFromEnv(ctx)).toEqual({ email: 'ada@example.com', password: 'pw-123456789' });
    expect(accountCredentialsFromEnv(await resolve({ APPCLACKS_ACCOUNT_EMAIL: 'ada@example.com' }))).toEqual({
      email: 'ada@example.com',
    });
  });

  it.each<[string, ConfigFlags, Env, string, Source]>([
    ['default', {}, {}, 'https://api.appclacks.com', { kind: 'default' }],
    ['env', {}, { APPCLACKS_API_ENDPOINT: 'http://127.0.0.1:8080/' }, 'http://127.0.0.1:8080', env('APPCLACKS_API_ENDPOINT')],
    ['flag over env', { endpoint: 'https://proxy.example.com/appclacks//' }, { APPCLACKS_API_ENDPOINT: 'http://x' }, 'https://proxy.example.com/appclacks', flag('--endpoint')],
  ])('resolves the endpoint: %s', async (_, flags, vars, value, source) => {
    expect((await resolve(vars, flags)).endpoint).toEqual({ value, source });
  });

  it.each<[ConfigFlags, Env, RegExp]>([
    [{ endpoint: 'ftp://example.com' }, {}, /from flag --endpoint: expected http or https/],
    [{}, { APPCLACKS_API_ENDPOINT: 'not a url' }, /from env APPCLACKS_API_ENDPOINT: not a URL/],
    [{}, { APPCLACKS_API_ENDPOINT: 'https://ada:hunter2@example.com' }, /credentials in the URL/],
  ])('refuses a bad endpoint, naming its source: %j %j', async (flags, vars, message) => {
    const attempt = resolve(vars, flags);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it('reports a selected profile that does not exist without throwing', async () => {
    const ctx = await resolve({ APPCLACKS_PROFILE: 'typo' });
    expect(ctx.profileName).toEqual({ value: 'typo', source: env('APPCLACKS_PROFILE') });
    expect(ctx.profile).toBeUndefined();
    expect(ctx.missingProfile).toEqual(ctx.profileName);
    expect(ctx.organizationId).toBeUndefined();
    expect(ctx.data.profiles.map((p) => p.name)).toEqual(['home', 'work']);
  });

  it('a profile not in the file: names the file and the known profiles, with a login hint', async () => {
    const ctx = await resolve({}, { profile: 'typo' });
    let error: unknown;
    try {
      requireTokenCredentials(ctx);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('profile "typo" not found in ~/.config/appclacks/appclacks.yaml; known profiles: home, work');
    expect((error as UsageError).hint).toContain('appclacks login');
  });

  it('requireTokenCredentials refuses a missing profile picked by flag even when env has credentials', async () => {
    const ctx = await resolve({ APPCLACKS_ORGANIZATION_ID: 'o', APPCLACKS_TOKEN: 't' }, { profile: 'typo' });
    expect(() => requireTokenCredentials(ctx)).toThrow(UsageError);
  });

  it('requireTokenCredentials uses complete env credentials when only a stale default-profile is missing', async () => {
    const home = await homeWith('default-profile: gone\nprofiles: {}\n');
    const ctx = await resolveContext({ env: { HOME: home, APPCLACKS_ORGANIZATION_ID: 'o', APPCLACKS_TOKEN: 't' }, platform: 'linux' });
    expect(ctx.missingProfile?.source).toEqual({ kind: 'file', name: 'default-profile' });
    expect(requireTokenCredentials(ctx)).toEqual({ organizationId: 'o', token: 't' });
  });

  it('requireTokenCredentials is an auth error with a hint when nothing is configured', async () => {
    const ctx = await resolve({}, {}, null);
    let error: unknown;
    try {
      requireTokenCredentials(ctx);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('auth');
    expect((error as AppError).hint).toMatch(/appclacks login.*APPCLACKS_ORGANIZATION_ID and APPCLACKS_TOKEN/);
    expect((error as AppError).message).toMatch(/^not logged in: no profile in .*appclacks\.yaml and neither APPCLACKS_ORGANIZATION_ID nor APPCLACKS_TOKEN is set$/);
  });

  it('requireTokenCredentials names the one value that is missing', async () => {
    const onlyToken = await resolve({ APPCLACKS_TOKEN: 't' }, {}, null);
    expect(() => requireTokenCredentials(onlyToken)).toThrow('no organization ID: APPCLACKS_ORGANIZATION_ID is not set and no profile is selected');
    const emptyToken = await resolve({}, {}, 'default-profile: a\nprofiles:\n  a:\n    organization-id: o\n    api-token: ""\n');
    expect(() => requireTokenCredentials(emptyToken)).toThrow('~/.config/appclacks/appclacks.yaml:5: profile a is incomplete: api-token empty');
  });

  const ONE_BROKEN = 'default-profile: a\nprofiles:\n  a:\n    organization-id: ORG\n    api-token: TOKEN\n  b:\n    organization-id: ORG\n';

  /** The error requireTokenCredentials throws, which must be one. */
  function credentialsError(ctx: Awaited<ReturnType<typeof resolve>>): AppError {
    try {
      requireTokenCredentials(ctx);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    }
    throw new Error('expected requireTokenCredentials to throw');
  }

  it('an incomplete profile that is not in use changes nothing for the one that is', async () => {
    const ctx = await resolve({}, {}, ONE_BROKEN);
    expect(requireTokenCredentials(ctx)).toEqual({ organizationId: 'ORG', token: 'TOKEN' });
    expect(ctx.data.profiles.map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('an incomplete profile in use is an auth error naming the file, line, profile and key, with the ways to repair it', async () => {
    const error = credentialsError(await resolve({}, { profile: 'b' }, ONE_BROKEN));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('~/.config/appclacks/appclacks.yaml:6: profile b is incomplete: api-token missing');
    expect(error.hint).toBe('run `appclacks login --profile-name b --force` to replace it, or `appclacks profile remove b`; or set APPCLACKS_TOKEN');
  });

  it('an incomplete profile in use works when the environment supplies what it lacks, and only what is still lacking is named', async () => {
    const supplied = await resolve({ APPCLACKS_TOKEN: 'env-token' }, { profile: 'b' }, ONE_BROKEN);
    expect(requireTokenCredentials(supplied)).toEqual({ organizationId: 'ORG', token: 'env-token' });
    expect(supplied.token?.source).toEqual(env('APPCLACKS_TOKEN'));

    const bare = 'default-profile: only\nprofiles:\n  only:\n';
    const halfSupplied = credentialsError(await resolve({ APPCLACKS_TOKEN: 'env-token' }, {}, bare));
    expect(halfSupplied.message).toBe('~/.config/appclacks/appclacks.yaml:3: profile only is incomplete: organization-id missing');
    expect(halfSupplied.hint).toMatch(/; or set APPCLACKS_ORGANIZATION_ID$/);
    expect(requireTokenCredentials(await resolve({ APPCLACKS_TOKEN: 't', APPCLACKS_ORGANIZATION_ID: 'o' }, {}, bare))).toEqual({ organizationId: 'o', token: 't' });
  });

  it('profiles without a default and none selected: says so and names them, rather than "not logged in"', async () => {
    const ctx = await resolve({}, {}, FILE.replace('default-profile: home\n', ''));
    const error = credentialsError(ctx);
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('no profile selected: ~/.config/appclacks/appclacks.yaml has profiles home, work but no default-profile');
    expect(error.hint).toBe('use -p home, or make one the default: appclacks profile use home');
    expect(requireTokenCredentials(await resolve({ APPCLACKS_TOKEN: 't', APPCLACKS_ORGANIZATION_ID: 'o' }, {}, FILE.replace('default-profile: home\n', '')))).toEqual({
      organizationId: 'o',
      token: 't',
    });
  });

  it('selects a numeric default-profile and profile name by their text', async () => {
    const ctx = await resolve({}, {}, 'default-profile: 2024\nprofiles:\n  2024:\n    organization-id: ORG\n    api-token: 0123\n');
    expect(ctx.profileName).toEqual({ value: '2024', source: { kind: 'file', name: 'default-profile' } });
    expect(requireTokenCredentials(ctx)).toEqual({ organizationId: 'ORG', token: '0123' });
    expect((await resolve({}, { profile: '2024' }, 'profiles:\n  2024:\n    organization-id: o\n    api-token: t\n')).profile?.name).toBe('2024');
  });

  it('never puts a credential in an error', async () => {
    const ctx = await resolve({ APPCLACKS_TOKEN: 'sekret-token-value' }, {}, 'profiles: {}\n');
    try {
      requireTokenCredentials(ctx);
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('sekret');
      expect(String((error as AppError).hint)).not.toContain('sekret');
    }
  });

  it('reads the misspelled file with a notice, and writes back to it', async () => {
    const home = await homeWith(FILE, 'appaclacks.yaml');
    const ctx = await resolveContext({ env: { HOME: home }, platform: 'linux' });
    expect(ctx.notices).toHaveLength(1);
    expect(ctx.configPath.value).toBe(path.join(home, '.config', 'appclacks', 'appaclacks.yaml'));
    expect(ctx.profile?.name).toBe('home');
    await configStoreFor(ctx).setDefaultProfile('work');
    const again = await resolveContext({ env: { HOME: home }, platform: 'linux' });
    expect(again.profile?.name).toBe('work');
  });

  it('uses --config over APPCLACKS_CONFIG, with sources', async () => {
    const dir = await tempDir();
    const byFlag = path.join(dir, 'flag.yaml');
    const byEnv = path.join(dir, 'env.yaml');
    await writeFile(byFlag, FILE);
    await writeFile(byEnv, FILE.replace('default-profile: home', 'default-profile: work'));
    const flagged = await resolveContext({ env: { APPCLACKS_CONFIG: byEnv }, flags: { config: byFlag }, platform: 'linux' });
    expect(flagged.configPath).toEqual({ value: byFlag, source: flag('--config') });
    expect(flagged.profile?.name).toBe('home');
    const fromEnv = await resolveContext({ env: { APPCLACKS_CONFIG: byEnv }, platform: 'linux' });
    expect(fromEnv.configPath).toEqual({ value: byEnv, source: env('APPCLACKS_CONFIG') });
    expect(fromEnv.profile?.name).toBe('work');
  });

  it('fails with a ConfigError naming the file and line when the shape of the file is wrong', async () => {
    const listOfProfiles = 'default-profile: a\nprofiles:\n  - a\n';
    await expect(resolve({}, {}, listOfProfiles)).rejects.toThrow(ConfigError);
    await expect(resolve({}, {}, listOfProfiles)).rejects.toThrow('~/.config/appclacks/appclacks.yaml:3: profiles: expected a mapping, got a list');
    await expect(resolve({}, {}, 'profiles: {}\nnot yaml: [\n')).rejects.toThrow(/appclacks\.yaml:\d+: invalid YAML/);
  });
});

describe('describeSource', () => {
  it.each<[Source, string]>([
    [{ kind: 'flag', name: '--endpoint' }, 'flag --endpoint'],
    [{ kind: 'env', name: 'APPCLACKS_TOKEN' }, 'env APPCLACKS_TOKEN'],
    [{ kind: 'profile', name: 'work' }, 'profile work'],
    [{ kind: 'file', name: 'default-profile' }, 'file default-profile'],
    [{ kind: 'default' }, 'default'],
  ])('%j reads %s', (source, text) => {
    expect(describeSource(source)).toBe(text);
  });
});
