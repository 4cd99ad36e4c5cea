// `account ...` (password auth) and `organization create` (no auth, no
// config file) through the built program against a real server.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { createSandbox, type Sandbox } from './helpers/bin';

let server: TestServer;
let sandbox: Sandbox;
let account: RegisteredAccount;

const envFor = (a: { email: string; password: string }) => ({ APPCLACKS_ACCOUNT_EMAIL: a.email, APPCLACKS_ACCOUNT_PASSWORD: a.password });

beforeAll(async () => {
  server = await startTestServer();
  account = await registerAccount(server.url, { organization: { name: 'acme', description: 'rockets' } });
  sandbox = createSandbox(server.url);
});

afterAll(async () => {
  sandbox.remove();
  await server.close();
});

describe('account organization', () => {
  it('prints ID, Name and Description, and the API object with -o json', async () => {
    const [table, json] = await Promise.all([
      sandbox.run(['account', 'organization'], { env: envFor(account) }),
      sandbox.run(['account', 'organization', '-o', 'json'], { env: envFor(account) }),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(
      `ID${' '.repeat(36)}Name  Description\n--${' '.repeat(36)}----  -----------\n${account.organization.id}  acme  rockets\n`,
    );
    expect(JSON.parse(json.stdout)).toEqual(account.organization);
  });

  it('exits 4 on a wrong password, and 2 with the variable names when nothing is set and stdin is closed', async () => {
    const wrong = await sandbox.run(['account', 'organization'], { env: { ...envFor(account), APPCLACKS_ACCOUNT_PASSWORD: 'wrong-password-123' } });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).not.toContain('wrong-password-123');
    const missing = await sandbox.run(['account', 'organization']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('APPCLACKS_ACCOUNT_EMAIL');
  });
});

describe('account password change', () => {
  it('changes the password from stdin; the old one stops working; warns about the stale variable', async () => {
    const own = await registerAccount(server.url);
    const newPassword = 'a brand new password';
    const changed = await sandbox.run(['account', 'password', 'change', '--new-password-stdin'], { env: envFor(own), input: `${newPassword}\n` });
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/^warning: APPCLACKS_ACCOUNT_PASSWORD still holds the old password/m);
    expect(changed.stdout + changed.stderr).not.toContain(newPassword);
    expect((await sandbox.run(['account', 'organization'], { env: envFor(own) })).code).toBe(4);
    expect((await sandbox.run(['account', 'organization'], { env: envFor({ ...own, password: newPassword }) })).code).toBe(0);
  });

  it('refuses a short new password with exit 2 before any request', async () => {
    const before = server.logs.length;
    const result = await sandbox.run(['account', 'password', 'change', '--new-password-stdin'], { env: envFor(account), input: 'short\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: the new password must have 10 to 255 characters/);
    expect(result.stderr).not.toContain(account.password);
    expect(server.logs.length).toBe(before);
  });

  it('refuses a new password with a control character (the server could never check it) before any request', async () => {
    const before = server.logs.length;
    const result = await sandbox.run(['account', 'password', 'change', '--new-password-stdin'], { env: envFor(account), input: 'long enough\tpassword\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: the new password contains a control character/);
    expect(server.logs.length).toBe(before);
  });

  it('names --new-password-stdin when it cannot prompt', async () => {
    const result = await sandbox.run(['account', 'password', 'change'], { env: envFor(account) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--new-password-stdin');
  });
});

describe('organization create', () => {
  const flags = ['--account-first-name', 'Grace', '--account-last-name', 'Hopper'];

  it('registers without any config file and prints the organization', async () => {
    const fresh = createSandbox(server.url);
    try {
      const result = await fresh.run(['organization', 'create', '--organization-name', 'navy', '--organization-description', 'ships', ...flags, '--account-email', 'grace@example.com', '--account-password', 'cobol-forever-1959']);
      expect(result.code).toBe(0);
      const [header, dashes, row] = result.stdout.split('\n');
      expect(header).toMatch(/^ID {2,}Name {2}Description$/);
      expect(dashes).toMatch(/^-- {2,}-{4} {2}-{11}$/);
      expect(row).toMatch(/^[0-9a-f-]{36} {2}navy {2}ships$/);
      expect(result.stderr).toContain('appclacks login --email grace@example.com');
      expect(result.stderr).not.toContain('cobol-forever-1959');
      expect(existsSync(fresh.configPath)).toBe(false);
    } finally {
      fresh.remove();
    }
  });

  it('prints the register answer with -o json, the password taken from the environment', async () => {
    const result = await sandbox.run(['organization', 'create', '--organization-name', 'labs', ...flags, '--account-email', 'labs@example.com', '-o', 'json'], {
      env: { APPCLACKS_ACCOUNT_PASSWORD: 'from-the-environment' },
    });
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { organization: { name: string }; account: { email: string; 'first-name': string } };
    expect(body.organization.name).toBe('labs');
    expect(body.account).toMatchObject({ email: 'labs@example.com', 'first-name': 'Grace' });
  });

  it('without a terminal, the hint names --password-stdin and the variable, never a password on the command line', async () => {
    const result = await sandbox.run(['organization', 'create', '--organization-name', 'x', ...flags, '--account-email', 'nopw@example.com']);
    expect(result.code).toBe(2);
    const hint = result.stderr.split('\n').find((line) => line.startsWith('hint:')) ?? '';
    expect(hint).toContain('--password-stdin');
    expect(hint).toContain('APPCLACKS_ACCOUNT_PASSWORD');
    expect(result.stderr).not.toContain('--account-password');
  });

  it('reads the password from stdin with --password-stdin, out of ps and shell history', async () => {
    const result = await sandbox.run(['organization', 'create', '--organization-name', 'piped', ...flags, '--account-email', 'piped@example.com', '--password-stdin'], {
      input: 'piped-password-1234\n',
    });
    expect(result.code, result.stderr).toBe(0);
    const login = await sandbox.run(['account', 'organization'], { env: { APPCLACKS_ACCOUNT_EMAIL: 'piped@example.com', APPCLACKS_ACCOUNT_PASSWORD: 'piped-password-1234' } });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('piped');
  });

  it('is a usage error without a required flag or with a short password', async () => {
    const missing = await sandbox.run(['organization', 'create', '--organization-name', 'x', ...flags]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: required option --account-email/);
    const short = await sandbox.run(['organization', 'create', '--organization-name', 'x', ...flags, '--account-email', 'x@example.com', '--account-password', 'short']);
    expect(short.code).toBe(2);
    expect(short.stderr).not.toContain('short\n');
  });

  it('reports a refused registration (duplicate email) as one line, exit 1', async () => {
    const result = await sandbox.run(['organization', 'create', '--organization-name', 'dup', ...flags, '--account-email', account.email, '--account-password', 'another-password-1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
  });
});
