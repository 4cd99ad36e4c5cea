// runCli in-process with buffer streams and a scripted prompter: the
// interactive paths (a TTY), cancellation, and laziness of the deps.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { CancelledError } from '../../src/errors';
import { registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { bufferDeps, type Answer } from './helpers/buffer-deps';
import { writeConfig } from './helpers/config-file';

let server: TestServer;
let account: RegisteredAccount;
let dir: string;
let configPath: string;

beforeAll(async () => {
  server = await startTestServer();
  account = await registerAccount(server.url);
});
afterAll(async () => server.close());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'appclacks-run-'));
  configPath = path.join(dir, 'appclacks.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[], options: { tty?: boolean; answers?: Answer[]; env?: Record<string, string>; input?: string } = {}) {
  const deps = bufferDeps({
    env: { APPCLACKS_CONFIG: configPath, APPCLACKS_API_ENDPOINT: server.url, ...options.env },
    tty: options.tty ?? true,
    answers: options.answers ?? [],
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  return runCli(argv, deps.base).then((code) => ({ code, stdout: deps.stdout(), stderr: deps.stderr(), asked: deps.asked }));
}

describe('on a terminal', () => {
  it('login asks for the profile name, email and password, then saves the profile', async () => {
    const result = await run(['login'], { answers: ['laptop', account.email, account.password] });
    expect(result.asked).toEqual(['Profile name', 'Account email', 'Account password']);
    expect(result.code).toBe(0);
    expect(readFileSync(configPath, 'utf8')).toMatch(/^default-profile: laptop$/m);
    expect(result.stderr).not.toContain(account.password);
  });

  it('login asks before replacing a profile; "no" changes nothing and sends nothing (exit 130)', async () => {
    writeConfig(configPath, [{ name: 'laptop', organizationId: 'org', apiToken: 'kept-token-1234' }], 'laptop');
    const before = server.logs.length;
    const result = await run(['login', '--profile-name', 'laptop'], { answers: [false] });
    expect(result.asked).toEqual(['Profile laptop already exists. Replace it?']);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('error: profile laptop left unchanged\n');
    expect(readFileSync(configPath, 'utf8')).toContain('kept-token-1234');
    expect(server.logs.length).toBe(before);
  });

  it('Ctrl+C at the password prompt exits 130 with one line', async () => {
    const result = await run(['token', 'create', '--name', 'x'], { answers: [account.email, new CancelledError('interrupted')] });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('error: interrupted\n');
  });

  it('token create asks for the account when the environment has none', async () => {
    const result = await run(['token', 'create', '--name', 'typed', '-o', 'json'], { answers: [account.email, account.password] });
    expect(result.asked).toEqual(['Account email', 'Account password']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'typed', ttl: '72h' });
  });

  it('password change wants the new password twice and refuses a mismatch (exit 2)', async () => {
    const result = await run(['account', 'password', 'change'], {
      env: { APPCLACKS_ACCOUNT_EMAIL: account.email, APPCLACKS_ACCOUNT_PASSWORD: account.password },
      answers: ['first new password', 'second new password'],
    });
    expect(result.asked).toEqual(['New password', 'New password again']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: the two new passwords differ/);
  });

  it('profile remove asks first and removes only after a yes', async () => {
    writeConfig(configPath, [{ name: 'a', organizationId: 'o', apiToken: 'token-a-1234' }, { name: 'b', organizationId: 'o', apiToken: 'token-b-5678' }]);
    const no = await run(['profile', 'remove', 'a'], { answers: [false] });
    expect(no.code).toBe(130);
    expect(readFileSync(configPath, 'utf8')).toContain('token-a-1234');
    const yes = await run(['profile', 'remove', 'a'], { answers: [true] });
    expect(yes.code).toBe(0);
    const text = readFileSync(configPath, 'utf8');
    expect(text).not.toContain('token-a-1234');
    expect(text).toContain('token-b-5678');
  });
});

describe('laziness', () => {
  it('help, completion and usage errors never read the config file', async () => {
    writeFileSync(configPath, 'profiles: [this is: not valid\n');
    for (const argv of [['token', 'list', '--help'], ['completion', 'bash'], ['--version']]) {
      expect((await run(argv)).code).toBe(0);
    }
    expect((await run(['token', 'create', '--name', 'x', '--ttl', 'never'])).code).toBe(2);
    // ...while a command that needs it reports the broken file
    const list = await run(['token', 'list']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('appclacks.yaml');
  });

  it('profile commands work without a config file and do not create one', async () => {
    const result = await run(['profile', 'current', '-o', 'json'], { tty: false });
    expect(result.code).toBe(0);
    expect(existsSync(configPath)).toBe(false);
  });
});
