// Exit codes for each kind of failure, the shape of error output, and the
// commands that need no server: help, version, completion, tui without a TTY.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { createSandbox, installCommand, type BinResult, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';
import { unusedLoopbackPort } from '../helpers/net';

let server: TestServer;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof seedOrganization>>;

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrganization(server.url);
  sandbox = createSandbox(server.url);
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: org.organization.id, apiToken: org.token.token }], 'work');
});

afterAll(async () => {
  sandbox.remove();
  await server.close();
});

function expectOneErrorLine(result: BinResult): void {
  const stderr = result.stderr.split('\n').filter(Boolean);
  expect(stderr[0]).toMatch(/^error: /);
  expect(stderr.slice(1)).toEqual(stderr.slice(1).filter((l) => l.startsWith('hint: ')));
  expect(stderr.length).toBeLessThanOrEqual(2);
  expect(result.stdout).toBe('');
}

describe.concurrent('exit codes', () => {
  it('usage errors from the command line exit 2 with one error line and a hint', async () => {
    const results = await Promise.all([
      sandbox.run(['tokn', 'list']),
      sandbox.run(['token', 'list', '--bogus']),
      sandbox.run(['token', 'list', '-o', 'yaml']),
      sandbox.run(['profile', 'use']),
      sandbox.run(['token']),
    ]);
    for (const result of results.slice(0, 4)) {
      expect(result.code).toBe(2);
      expectOneErrorLine(result);
    }
    expect(results[0]!.stderr).toContain("unknown command 'tokn' (Did you mean token?)");
    expect(results[2]!.stderr).toContain('Allowed choices are table, json');
    // a group without its verb shows that group's help and is a usage error
    expect(results[4]!.code).toBe(2);
    expect(results[4]!.stderr).toContain('create');
  });

  it('an unknown profile is a usage error (2)', async () => {
    const result = await sandbox.run(['token', 'list', '-p', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: profile "nope" not found .*known profiles: work/);
  });

  it('a wrong token is an authentication error (4), and its secret is never printed', async () => {
    const bogus = 'apc_bogus_secret_value_1234567890';
    const result = await sandbox.run(['token', 'list'], { env: { APPCLACKS_TOKEN: bogus } });
    expect(result.code).toBe(4);
    expectOneErrorLine(result);
    expect(result.stderr).not.toContain(bogus);
    expect(result.stderr).not.toContain(org.token.token);
    // The refused token came from the environment, not from the profile: the hint says which.
    expect(result.stderr).toMatch(/^hint: APPCLACKS_TOKEN is set and was used: fix it, or unset it to use profile work$/m);
  });

  it('a refused profile token points to logging in again as that profile', async () => {
    const stale = createSandbox(server.url);
    try {
      writeConfig(stale.configPath, [{ name: 'old', organizationId: org.organization.id, apiToken: 'apc_deleted_long_ago_000000000000000000000000000000000' }], 'old');
      const result = await stale.run(['token', 'list']);
      expect(result.code).toBe(4);
      expectOneErrorLine(result);
      expect(result.stderr).toContain('hint: the token of profile old was refused');
      expect(result.stderr).toContain('appclacks login --profile-name old --force');
    } finally {
      stale.remove();
    }
  });

  it('no credentials at all is an authentication error (4) pointing to login', async () => {
    const empty = createSandbox(server.url);
    try {
      const result = await empty.run(['token', 'list']);
      expect(result.code).toBe(4);
      expect(result.stderr).toContain('appclacks login');
    } finally {
      empty.remove();
    }
  });

  it('a token without the permission is refused with 4 and the permission named', async () => {
    const limited = await createToken(server.url, org, { name: 'read-org-only', permissions: ['GetOrganization'] });
    const result = await sandbox.run(['token', 'list'], { env: { APPCLACKS_TOKEN: limited.token } });
    expect(result.code).toBe(4);
    expectOneErrorLine(result);
    expect(result.stderr).toContain('ListAPITokens');
    expect(result.stderr).not.toContain(limited.token);
  });

  it('a refused connection is a failure (1) naming the endpoint; APPCLACKS_DEBUG=1 adds the stack', async () => {
    const port = await unusedLoopbackPort();
    const plain = await sandbox.run(['token', 'list', '--endpoint', `http://127.0.0.1:${port}`]);
    expect(plain.code).toBe(1);
    expectOneErrorLine(plain);
    expect(plain.stderr).toContain(`127.0.0.1:${port}`);

    const debug = await sandbox.run(['token', 'list'], { env: { APPCLACKS_API_ENDPOINT: `http://127.0.0.1:${port}`, APPCLACKS_DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(debug.stderr).not.toContain(org.token.token);
  });

  it('an invalid config file is a failure (1) that names the file', async () => {
    const broken = createSandbox(server.url);
    try {
      mkdirSync(path.dirname(broken.configPath), { recursive: true });
      // A shape error (profiles must be a mapping); a profile merely missing a value is read as incomplete.
      writeFileSync(broken.configPath, 'profiles:\n  - work\n');
      const result = await broken.run(['token', 'list']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: .*appclacks\.yaml/);
    } finally {
      broken.remove();
    }
  });
});

describe.concurrent('commands that need no server', () => {
  it('prints the version and help with exit 0; help has examples', async () => {
    const [version, help, tokenCreateHelp] = await Promise.all([
      sandbox.run(['--version']),
      sandbox.run(['--help']),
      sandbox.run(['token', 'create', '--help']),
    ]);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(help.code).toBe(0);
    for (const word of ['login', 'account', 'organization', 'token', 'profile', 'completion', 'tui', 'server']) expect(help.stdout).toContain(word);
    expect(tokenCreateHelp.code).toBe(0);
    expect(tokenCreateHelp.stdout).toContain('Examples:');
    expect(tokenCreateHelp.stdout).toContain('ListHealthchecksResults');
  });

  it('every command\'s help lists the flags it inherits, as gh\'s INHERITED FLAGS do', async () => {
    for (const argv of [['token', 'list', '--help'], ['tui', '--help']]) {
      const result = await sandbox.run(argv);
      expect(result.code).toBe(0);
      const inherited = result.stdout.slice(result.stdout.indexOf('Global Options:'));
      expect(result.stdout, argv.join(' ')).toContain('Global Options:');
      for (const flag of ['-o, --output <format>', '-p, --profile <name>', '--endpoint <url>', '--config <path>']) expect(inherited, argv.join(' ')).toContain(flag);
    }
  });

  it('tui without a terminal exits 2 with one line pointing to the CLI', async () => {
    const result = await sandbox.run(['tui']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('appclacks token list');
  });

  it('prints completion scripts that list every command', async () => {
    const [bash, zsh, fish, bad] = await Promise.all([
      sandbox.run(['completion', 'bash']),
      sandbox.run(['completion', 'zsh']),
      sandbox.run(['completion', 'fish']),
      sandbox.run(['completion', 'tcsh']),
    ]);
    for (const script of [bash, zsh, fish]) {
      expect(script.code).toBe(0);
      for (const word of ['login', 'token', 'create', 'profile', 'remove', 'permission', 'endpoint']) expect(script.stdout).toContain(word);
    }
    expect(bad.code).toBe(2);
  });

  it('the bash script completes subcommands and flags in a real bash', async () => {
    const script = (await sandbox.run(['completion', 'bash'])).stdout;
    const complete = (line: string) => {
      const words = line.split(' ');
      const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _appclacks; echo "\${COMPREPLY[*]}"`;
      return spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' }).stdout.trim();
    };
    expect(complete('appclacks tok')).toBe('token');
    expect(complete('appclacks -p work token c')).toBe('create');
    expect(complete('appclacks token create --per')).toBe('--permission');
    expect(complete('appclacks token create --permission ListAPI')).toBe('ListAPITokens');
    expect(complete('appclacks -o j')).toBe('json');
    expect(complete('appclacks account password ')).toBe('change');
  });

  it('the bash script offers profile names from the config file in use, asking the program', async () => {
    const appclacks = installCommand(path.join(sandbox.home, 'bin'));
    const other = path.join(sandbox.home, 'other.yaml');
    writeConfig(other, [
      { name: 'alpha', organizationId: org.organization.id, apiToken: org.token.token },
      { name: 'beta', organizationId: org.organization.id, apiToken: org.token.token },
    ]);
    const script = (await sandbox.run(['completion', 'bash'])).stdout;
    const complete = (line: string) => {
      const words = line.split(' ').map((w, i) => (i === 0 ? appclacks : w));
      const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _appclacks; echo "\${COMPREPLY[*]}"`;
      return spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', env: { ...sandbox.baseEnv, PATH: process.env.PATH ?? '' } }).stdout.trim();
    };
    expect(complete('appclacks -p ')).toBe('work');
    expect(complete('appclacks token list --profile w')).toBe('work');
    expect(complete('appclacks profile use ')).toBe('work');
    expect(complete('appclacks profile remove ')).toBe('work');
    expect(complete(`appclacks --config ${other} profile use `)).toBe('alpha beta');
    expect(complete(`appclacks --config ${other} -p b`)).toBe('beta');
    // --flag=value reaches the function as "--flag" "=" "value" (= is in COMP_WORDBREAKS).
    expect(complete(`appclacks --config = ${other} profile use `)).toBe('alpha beta');
    expect(complete('appclacks --profile = w')).toBe('work');
    // the plumbing command is neither offered nor in the help
    expect(complete('appclacks __')).toBe('');
    expect((await sandbox.run(['--help'])).stdout).not.toContain('__complete');
  });

  it('the profile lister the scripts call prints names only, and nothing at all for a broken file', async () => {
    const broken = path.join(sandbox.home, 'broken.yaml');
    writeFileSync(broken, 'profiles: [this is: not valid\n');
    const [good, bad, missing] = await Promise.all([
      sandbox.run(['__complete-profiles']),
      sandbox.run(['--config', broken, '__complete-profiles']),
      sandbox.run(['--config', path.join(sandbox.home, 'absent.yaml'), '__complete-profiles']),
    ]);
    expect(good).toMatchObject({ code: 0, stdout: 'work\n', stderr: '' });
    expect(bad).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(missing).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
