// Over plain http to another machine, a password or token can be read by
// anyone on the path: the CLI says so on stderr, once per run, in one line,
// and --insecure-ok or APPCLACKS_INSECURE_OK silences it. The tests reach the
// project's server, listening on 127.0.0.1, through http://0.0.0.0:PORT: an
// address that is not loopback, which Linux nonetheless delivers to this
// machine, so the warning is checked on a real, successful run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendsInClear } from '../../src/api/endpoint';
import { createToken, registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { createSandbox, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

let server: TestServer;
let account: RegisteredAccount;
let sandbox: Sandbox;
let remote: string;

beforeAll(async () => {
  server = await startTestServer();
  account = await registerAccount(server.url);
  const token = await createToken(server.url, account, { name: 'plain', permissions: ['*'] });
  remote = server.url.replace('127.0.0.1', '0.0.0.0');
  sandbox = createSandbox(remote);
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: account.organization.id, apiToken: token.token }], 'work');
});

afterAll(async () => {
  sandbox.remove();
  await server.close();
});

const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warning:'));

describe('sendsInClear: plain http to a host that is not loopback', () => {
  it.each([
    ['http://api.example.com', true],
    ['http://10.0.0.5:8080', true],
    ['http://0.0.0.0:8080', true],
    ['http://[fd00::2]:8080', true],
    ['http://127.0.0.1:8080', false],
    ['http://127.8.9.10', false],
    ['http://localhost:8080', false],
    ['http://LOCALHOST.:8080', false],
    ['http://api.localhost', false],
    ['http://[::1]:8080', false],
    ['http://[::ffff:127.0.0.1]:8080', false],
    ['https://api.example.com', false],
  ])('%s: %s', (endpoint, expected) => {
    expect(sendsInClear(endpoint)).toBe(expected);
  });
});

describe('the warning on the command line', () => {
  it('token list over plain http to another host: one warning line naming the endpoint and the way out, and the list', async () => {
    const result = await sandbox.run(['token', 'list']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('plain');
    expect(warnings(result.stderr)).toEqual([
      `warning: ${remote} is plain http: your password or token crosses the network unencrypted; use https, or pass --insecure-ok (or set APPCLACKS_INSECURE_OK=1) if you mean it`,
    ]);
  });

  it('login, which sends the password and then the new token, warns once', async () => {
    const result = await sandbox.run(['login', '--profile-name', 'second', '--email', account.email, '--password-stdin'], { input: account.password });
    expect(result.code, result.stderr).toBe(0);
    expect(warnings(result.stderr)).toHaveLength(1);
  });

  it('registration sends a password: it warns too', async () => {
    const result = await sandbox.run(
      ['organization', 'create', '--organization-name', 'plain', '--account-first-name', 'A', '--account-last-name', 'B', '--account-email', `plain-${Date.now()}@example.com`],
      { env: { APPCLACKS_ACCOUNT_PASSWORD: 'pw-Secr3t-horse-battery' } },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(warnings(result.stderr)).toHaveLength(1);
  });

  it('--insecure-ok (before or after the command) and APPCLACKS_INSECURE_OK silence it', async () => {
    for (const run of [
      sandbox.run(['token', 'list', '--insecure-ok']),
      sandbox.run(['--insecure-ok', 'token', 'list']),
      sandbox.run(['token', 'list'], { env: { APPCLACKS_INSECURE_OK: '1' } }),
    ]) {
      const result = await run;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
    }
  });

  it('no warning on loopback, nor for a command that sends nothing', async () => {
    const loopback = await sandbox.run(['token', 'list'], { env: { APPCLACKS_API_ENDPOINT: server.url } });
    expect(loopback.code, loopback.stderr).toBe(0);
    expect(loopback.stderr).toBe('');
    const local = await sandbox.run(['profile', 'list']);
    expect(local.code, local.stderr).toBe(0);
    expect(warnings(local.stderr)).toEqual([]);
  });
});
