// `login` and the `profile` commands against a real server and a private
// config file that also holds a hand-written profile and comments.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerAccount, seedOrganization, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { createSandbox, type BinResult, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

let server: TestServer;
let account: RegisteredAccount;
let sandbox: Sandbox;

const OTHER = { name: 'other', organizationId: '5a062154-dc9f-11ed-9cd1-673503b45134', apiToken: 'other-secret-token-abcd' };

/** Writes the config file verbatim: what a person typed by hand, mistakes included. */
function writeRawConfig(text: string): void {
  mkdirSync(path.dirname(sandbox.configPath), { recursive: true });
  writeFileSync(sandbox.configPath, text, { mode: 0o600 });
}

/** stderr holds one `error:` line and at most one `hint:` line, and stdout nothing. */
function expectOneErrorLine(result: BinResult): void {
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines.slice(1)).toEqual(lines.slice(1).filter((l) => l.startsWith('hint: ')));
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(result.stdout).toBe('');
}

beforeAll(async () => {
  server = await startTestServer();
  account = await registerAccount(server.url);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  sandbox = createSandbox(server.url);
});

afterEach(() => {
  sandbox.remove();
});

describe('login', () => {
  it('writes a 0600 profile the next command uses, keeping other profiles and comments', async () => {
    writeConfig(sandbox.configPath, [OTHER]);
    const result = await sandbox.run(['login', '--profile-name', 'work', '--email', account.email, '--password-stdin'], { input: `${account.password}\n` });
    expect(result.stderr).toContain(`Logged in to organization acme (${account.organization.id})`);
    expect(result.code).toBe(0);

    const text = readFileSync(sandbox.configPath, 'utf8');
    expect(statSync(sandbox.configPath).mode & 0o777).toBe(0o600);
    expect(text).toContain('# written by hand: keep this comment');
    expect(text).toContain('# other comment');
    expect(text).toContain(`api-token: ${OTHER.apiToken}`);
    expect(text).toMatch(/^default-profile: work$/m); // none was set
    expect(text).toContain(`organization-id: ${account.organization.id}`);
    expect(result.stderr).not.toContain(account.password);

    const list = await sandbox.run(['token', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ {2}work-cli {2,}.*\(in 120y\) {2,}\[\*\] {2,}.* UTC \(\d+s ago\)$/m);
  });

  it('takes the password from APPCLACKS_ACCOUNT_PASSWORD and keeps an existing default', async () => {
    writeConfig(sandbox.configPath, [OTHER], 'other');
    const result = await sandbox.run(['login', '--profile-name', 'ci', '--email', account.email], {
      env: { APPCLACKS_ACCOUNT_PASSWORD: account.password },
    });
    expect(result.code).toBe(0);
    const text = readFileSync(sandbox.configPath, 'utf8');
    expect(text).toMatch(/^default-profile: other$/m);
    expect(text).toMatch(/^ {2}ci:$/m);
    expect(result.stderr).toContain('appclacks profile use ci');
  });

  it('refuses to replace a profile without --force when stdin is not a terminal, and replaces it with --force', async () => {
    writeConfig(sandbox.configPath, [OTHER], 'other');
    const env = { APPCLACKS_ACCOUNT_PASSWORD: account.password };
    const refused = await sandbox.run(['login', '--profile-name', 'other', '--email', account.email], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: profile other already exists/);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(sandbox.configPath, 'utf8')).toContain(OTHER.apiToken);

    const forced = await sandbox.run(['login', '--profile-name', 'other', '--email', account.email, '--force'], { env });
    expect(forced.code).toBe(0);
    const text = readFileSync(sandbox.configPath, 'utf8');
    expect(text).not.toContain(OTHER.apiToken);
    expect(text).toContain(account.organization.id);
  });

  it('names the flag for each missing value when stdin is closed', async () => {
    const noName = await sandbox.run(['login']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('--profile-name');
    const noEmail = await sandbox.run(['login', '--profile-name', 'work']);
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toContain('--email');
    const noPassword = await sandbox.run(['login', '--profile-name', 'work', '--email', account.email]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/APPCLACKS_ACCOUNT_PASSWORD or pass --password-stdin/);
    // With --password-stdin given, the hint must not suggest passing it.
    const emptyStdin = await sandbox.run(['login', '--profile-name', 'work', '--email', account.email, '--password-stdin'], { input: '\n' });
    expect(emptyStdin.code).toBe(2);
    expect(emptyStdin.stderr).toMatch(/^error: --password-stdin read an empty password\nhint: pipe it in: /);
  });

  it('exits 4 on a wrong password and writes nothing', async () => {
    const wrong = 'wrong-password-9876';
    const result = await sandbox.run(['login', '--profile-name', 'work', '--email', account.email, '--password-stdin'], { input: wrong });
    expect(result.code).toBe(4);
    expect(result.stderr).not.toContain(wrong);
    expect(() => statSync(sandbox.configPath)).toThrow();
  });

  it('warns when an environment token will win over the saved profile', async () => {
    const result = await sandbox.run(['login', '--profile-name', 'work', '--email', account.email], {
      env: { APPCLACKS_ACCOUNT_PASSWORD: account.password, APPCLACKS_TOKEN: 'from-env-token-1234' },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: APPCLACKS_TOKEN is set and will be used instead of the saved profile/m);
  });
});

describe('profile list', () => {
  it('marks the default and the active profile in words and masks tokens', async () => {
    const work = { name: 'work', organizationId: account.organization.id, apiToken: 'work-secret-token-wxyz' };
    writeConfig(sandbox.configPath, [work, OTHER], 'work');
    const result = await sandbox.run(['profile', 'list', '-p', 'other']);
    expect(result.code).toBe(0);
    const [header, dashes, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^NAME {2,}DEFAULT {2,}ACTIVE {2,}ORGANIZATION ID {2,}TOKEN$/);
    expect(dashes).toMatch(/^-{4} {2,}-{7} {2,}-{6} {2,}-{15} {2,}-{5}$/);
    expect(rows).toEqual([
      expect.stringMatching(/^work {2,}default {2,}[^a-z]+ {2,}\S+ {2,}••••wxyz$/),
      expect.stringMatching(/^other {2,}active {2,}5a062154-dc9f-11ed-9cd1-673503b45134 {2}••••abcd$/),
    ]);
    expect(result.stdout).not.toContain(work.apiToken);
    expect(result.stdout).not.toContain(OTHER.apiToken);
  });

  it('prints a current field and masked tokens with -o json', async () => {
    writeConfig(sandbox.configPath, [OTHER], 'other');
    const result = await sandbox.run(['profile', 'list', '-o', 'json']);
    expect(JSON.parse(result.stdout)).toEqual({
      current: 'other',
      default: 'other',
      profiles: [{ name: 'other', default: true, active: true, 'organization-id': OTHER.organizationId, 'api-token': '••••abcd', problems: [] }],
    });
  });

  it('says how to add a profile when there is none', async () => {
    const result = await sandbox.run(['profile', 'list']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('appclacks login');
  });
});

describe('profile current', () => {
  it('shows each value with its source, env over file, with a warning and masked secrets', async () => {
    writeConfig(sandbox.configPath, [OTHER], 'other');
    const envToken = 'env-secret-token-9999';
    const result = await sandbox.run(['profile', 'current'], { env: { APPCLACKS_TOKEN: envToken, APPCLACKS_ACCOUNT_PASSWORD: 'env-password-1234' } });
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n');
    expect(rows[0]).toMatch(/^SETTING {2,}VALUE {2,}SOURCE$/);
    expect(rows).toContainEqual(expect.stringMatching(/^profile {2,}other {2,}file default-profile$/));
    expect(rows).toContainEqual(expect.stringMatching(/^organization-id {2,}5a062154-dc9f-11ed-9cd1-673503b45134 {2,}profile other$/));
    expect(rows).toContainEqual(expect.stringMatching(/^api-token {2,}••••9999 {2,}env APPCLACKS_TOKEN$/));
    expect(rows).toContainEqual(expect.stringMatching(/^account-password {2,}•••• {2,}env APPCLACKS_ACCOUNT_PASSWORD$/));
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^endpoint {2,}${server.url.replace(/[.]/g, '\\.')} {2,}env APPCLACKS_API_ENDPOINT$`)));
    expect(result.stderr).toMatch(/^warning: APPCLACKS_TOKEN is set and overrides the api-token of profile other$/m);
    expect(result.stdout + result.stderr).not.toContain(envToken);
    expect(result.stdout + result.stderr).not.toContain('env-password-1234');
  });

  it('gives the flag precedence over APPCLACKS_PROFILE, and says so in JSON', async () => {
    writeConfig(sandbox.configPath, [OTHER, { ...OTHER, name: 'work' }], 'other');
    const result = await sandbox.run(['profile', 'current', '-p', 'work', '-o', 'json', '--endpoint', 'http://127.0.0.1:9'], {
      env: { APPCLACKS_PROFILE: 'other' },
    });
    const current = JSON.parse(result.stdout) as Record<string, { value: string; source: string } | null>;
    expect(current.profile).toEqual({ value: 'work', source: 'flag --profile' });
    expect(current.endpoint).toEqual({ value: 'http://127.0.0.1:9', source: 'flag --endpoint' });
    expect(current['api-token']).toEqual({ value: '••••abcd', source: 'profile work' });
    expect(current['account-email']).toBeNull();
    expect(result.stderr).toBe('');
  });
});

describe('profile use and remove', () => {
  it('sets the default and keeps every profile; an unknown name is a usage error', async () => {
    writeConfig(sandbox.configPath, [OTHER, { ...OTHER, name: 'work' }], 'other');
    const used = await sandbox.run(['profile', 'use', 'work']);
    expect(used.code).toBe(0);
    const text = readFileSync(sandbox.configPath, 'utf8');
    expect(text).toMatch(/^default-profile: work$/m);
    expect(text).toContain('# other comment');
    expect(text).toContain('# written by hand: keep this comment');

    const unknown = await sandbox.run(['profile', 'use', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: profile "nope" not found/);
    expect(unknown.stderr).not.toContain('did you mean');
  });

  it('offers the profile a slip was meant to be, as it does for commands and permissions', async () => {
    writeConfig(sandbox.configPath, [OTHER, { ...OTHER, name: 'staging' }], 'other');
    const slip = await sandbox.run(['profile', 'use', 'stagng']);
    expect(slip.code).toBe(2);
    expect(slip.stderr).toMatch(/^error: profile "stagng" not found in .*; did you mean "staging"\? known profiles: other, staging$/m);
    expect(readFileSync(sandbox.configPath, 'utf8')).toMatch(/^default-profile: other$/m);
    // The same rule wherever a profile is named: -p too.
    const listed = await sandbox.run(['token', 'list', '-p', 'Staging']);
    expect(listed.stderr).toMatch(/did you mean "staging"\?/);
  });

  it('warns that APPCLACKS_PROFILE still decides in this environment', async () => {
    writeConfig(sandbox.configPath, [OTHER, { ...OTHER, name: 'work' }], 'other');
    const used = await sandbox.run(['profile', 'use', 'work'], { env: { APPCLACKS_PROFILE: 'other' } });
    expect(used.code).toBe(0);
    expect(used.stderr).toMatch(/^warning: APPCLACKS_PROFILE=other is set/m);
  });

  it('removes only the named profile, and needs --yes without a terminal', async () => {
    writeConfig(sandbox.configPath, [OTHER, { ...OTHER, name: 'work', apiToken: 'work-token-to-remove' }], 'work');
    const refused = await sandbox.run(['profile', 'remove', 'work']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');

    const removed = await sandbox.run(['profile', 'remove', 'work', '--yes']);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('It was the default profile');
    const text = readFileSync(sandbox.configPath, 'utf8');
    expect(text).not.toContain('work-token-to-remove');
    expect(text).not.toMatch(/default-profile/);
    expect(text).toContain(OTHER.apiToken);
    expect(text).toContain('# other comment');

    const unknown = await sandbox.run(['profile', 'remove', 'work', '--force']);
    expect(unknown.code).toBe(2);
  });
});

describe('a profile from login drives the token commands', () => {
  it('uses -p to pick between two organizations', async () => {
    const second = await seedOrganization(server.url, { name: 'second-admin' });
    writeConfig(sandbox.configPath, [{ name: 'second', organizationId: second.organization.id, apiToken: second.token.token }]);
    const result = await sandbox.run(['token', 'list', '-p', 'second']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('second-admin');
  });
});

describe('a hand-written file with mistakes', () => {
  /** Profile `good` works against the test server; `half` lacks its api-token. */
  async function oneIncomplete(defaultProfile = 'good'): Promise<{ org: Awaited<ReturnType<typeof seedOrganization>>; text: string }> {
    const org = await seedOrganization(server.url, { name: 'good-admin' });
    const text = [
      `default-profile: ${defaultProfile}`,
      'profiles:',
      '  good:',
      `    organization-id: ${org.organization.id}`,
      `    api-token: ${org.token.token}`,
      '  half:',
      `    organization-id: ${org.organization.id}`,
      '',
    ].join('\n');
    writeRawConfig(text);
    return { org, text };
  }

  it('one incomplete profile stops no command that does not use it', async () => {
    await oneIncomplete();
    const list = await sandbox.run(['token', 'list']);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('good-admin');
  });

  it('using the incomplete profile is one error line naming file, line, profile and key, with the repairs', async () => {
    await oneIncomplete('half');
    const result = await sandbox.run(['token', 'list']);
    expect(result.code).toBe(4);
    expectOneErrorLine(result);
    expect(result.stderr).toMatch(/^error: \S*appclacks\.yaml:6: profile half is incomplete: api-token missing$/m);
    expect(result.stderr).toMatch(/^hint: run `appclacks login --profile-name half --force` to replace it, or `appclacks profile remove half`; or set APPCLACKS_TOKEN$/m);
  });

  it('the environment can supply what the profile lacks', async () => {
    const { org } = await oneIncomplete();
    const result = await sandbox.run(['token', 'list', '-p', 'half'], { env: { APPCLACKS_TOKEN: org.token.token } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('good-admin');
  });

  it('profile list marks the incomplete profile in the table and in JSON', async () => {
    const { org } = await oneIncomplete();
    const table = await sandbox.run(['profile', 'list']);
    expect(table.code).toBe(0);
    const [header, , ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^NAME {2,}DEFAULT {2,}ACTIVE {2,}ORGANIZATION ID {2,}TOKEN {2,}STATUS$/);
    expect(rows).toEqual([
      expect.stringMatching(/^good {2,}default {2,}active {2,}\S+ {2,}••••\S{4}$/),
      expect.stringMatching(new RegExp(`^half {2,}${org.organization.id} {2,}- {2,}incomplete: api-token missing$`)),
    ]);
    expect(table.stderr).toMatch(/^warning: \S*appclacks\.yaml:6: profile half is incomplete: api-token missing; run `appclacks login --profile-name half --force`/m);

    const json = JSON.parse((await sandbox.run(['profile', 'list', '-o', 'json'])).stdout) as { profiles: Array<Record<string, unknown>> };
    expect(json.profiles[0]).toMatchObject({ name: 'good', problems: [] });
    expect(json.profiles[1]).toEqual({
      name: 'half',
      default: false,
      active: false,
      'organization-id': org.organization.id,
      'api-token': null,
      problems: [{ key: 'api-token', problem: 'missing', line: 6 }],
    });
  });

  it('profile remove removes the incomplete profile and keeps the other', async () => {
    const { org } = await oneIncomplete('half');
    const removed = await sandbox.run(['profile', 'remove', 'half', '--yes']);
    expect(removed.code).toBe(0);
    const text = readFileSync(sandbox.configPath, 'utf8');
    expect(text).not.toContain('half');
    expect(text).toContain(org.token.token);
  });

  it('login --force replaces the incomplete profile, and writes keep it until then', async () => {
    const { org } = await oneIncomplete();
    const env = { APPCLACKS_ACCOUNT_PASSWORD: account.password };
    const other = await sandbox.run(['login', '--profile-name', 'third', '--email', account.email], { env });
    expect(other.code).toBe(0);
    expect(readFileSync(sandbox.configPath, 'utf8')).toContain(`  half:\n    organization-id: ${org.organization.id}\n`);

    const replaced = await sandbox.run(['login', '--profile-name', 'half', '--email', account.email, '--force'], { env });
    expect(replaced.code).toBe(0);
    expect(replaced.stderr).toContain('Profile half replaced');
    const list = await sandbox.run(['token', 'list', '-p', 'half']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('half-cli');
  });

  it('with profiles but no default, says no profile is selected and how to pick one', async () => {
    const { text } = await oneIncomplete();
    writeRawConfig(text.replace(/^default-profile: .*\n/, ''));
    const result = await sandbox.run(['token', 'list']);
    expect(result.code).toBe(4);
    expectOneErrorLine(result);
    expect(result.stderr).toMatch(/^error: no profile selected: \S*appclacks\.yaml has profiles good, half but no default-profile$/m);
    expect(result.stderr).toMatch(/^hint: use -p good, or make one the default: appclacks profile use good$/m);
  });

  it('says no profile is selected after the default profile was removed', async () => {
    writeConfig(sandbox.configPath, [OTHER, { ...OTHER, name: 'work' }], 'work');
    expect((await sandbox.run(['profile', 'remove', 'work', '--yes'])).code).toBe(0);
    const result = await sandbox.run(['token', 'list']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: no profile selected: \S*appclacks\.yaml has profile other but no default-profile$/m);
    expect(result.stderr).not.toContain('not logged in');
  });

  it('reads numeric names and default-profile as text, and keeps working after a write', async () => {
    const org = await seedOrganization(server.url, { name: 'numeric-admin' });
    writeRawConfig(`default-profile: 2024\nprofiles:\n  2024:\n    organization-id: ${org.organization.id}\n    api-token: ${org.token.token}\n  1.0:\n    organization-id: ${org.organization.id}\n    api-token: ${org.token.token}\n`);
    const byDefault = await sandbox.run(['token', 'list']);
    expect(byDefault.stderr).toBe('');
    expect(byDefault.stdout).toContain('numeric-admin');
    expect((await sandbox.run(['token', 'list', '-p', '1.0'])).code).toBe(0);

    expect((await sandbox.run(['profile', 'use', '1.0'])).code).toBe(0);
    expect(readFileSync(sandbox.configPath, 'utf8')).toMatch(/^default-profile: "1\.0"$/m);
    const afterWrite = await sandbox.run(['profile', 'current', '-o', 'json']);
    expect((JSON.parse(afterWrite.stdout) as { profile: unknown }).profile).toEqual({ value: '1.0', source: 'file default-profile' });
  });
});

describe('profile names', () => {
  it.each([[['--profile-name', '-dash']], [['--profile-name=-dash']]])('login refuses a name starting with "-" (%j), since -p and profile use could not take it', async (args) => {
    const result = await sandbox.run(['login', ...args, '--email', account.email], { env: { APPCLACKS_ACCOUNT_PASSWORD: account.password } });
    expect(result.code).toBe(2);
    expectOneErrorLine(result);
    expect(result.stderr).toMatch(/^error: invalid profile name "-dash": a profile name cannot start with "-"/);
    expect(() => statSync(sandbox.configPath)).toThrow();
  });
});
