// argv → options, for every command, without running anything.
import { describe, expect, it } from 'vitest';
import type { GlobalOptions } from '../../src/cli/command';
import { COMMANDS, GROUPS } from '../../src/cli/commands';
import { buildProgram } from '../../src/cli/program';
import { UsageError } from '../../src/errors';

interface Parsed {
  path: string;
  options: unknown;
  globals: GlobalOptions;
}

async function parse(argv: string[]): Promise<Parsed> {
  let parsed: Parsed | undefined;
  const program = buildProgram(
    COMMANDS,
    GROUPS,
    async (spec, input) => {
      parsed = { path: spec.path.join(' '), options: spec.parse(input), globals: input.globals };
    },
    { writeOut: () => undefined, writeErr: () => undefined },
  );
  await program.parseAsync(argv, { from: 'user' });
  if (!parsed) throw new Error('no command ran');
  return parsed;
}

describe('option parsing', () => {
  it('token create: repeatable permissions, TTL in days sent as hours', async () => {
    const parsed = await parse(['token', 'create', '--name', 'ci', '--permission', 'ListAPITokens', '--permission', 'GetAPIToken', '--ttl', '2w', '--description', 'runner']);
    expect(parsed.options).toEqual({ name: 'ci', description: 'runner', ttl: '336h', permissions: ['ListAPITokens', 'GetAPIToken'], output: 'table' });
  });

  it('token create: defaults are 72h and *', async () => {
    expect((await parse(['token', 'create', '--name', 'ci'])).options).toEqual({ name: 'ci', description: '', ttl: '72h', permissions: ['*'], output: 'table' });
  });

  it('token create: a bad TTL, an unknown permission or * with others is a UsageError', async () => {
    await expect(parse(['token', 'create', '--name', 'ci', '--ttl', '3 days'])).rejects.toBeInstanceOf(UsageError);
    await expect(parse(['token', 'create', '--name', 'ci', '--permission', 'Nope'])).rejects.toThrow(/unknown permission "Nope"/);
    await expect(parse(['token', 'create', '--name', 'ci', '--permission', '*', '--permission', 'GetAPIToken'])).rejects.toBeInstanceOf(UsageError);
  });

  it('token create: a blank name, or a control character in the name or description, is refused before any request', async () => {
    await expect(parse(['token', 'create', '--name', '   '])).rejects.toThrow(/--name cannot be empty/);
    for (const blank of ['\u3164', '\u2800', '\u115f\u17b5', '\u034f', '\u{e0020}']) {
      await expect(parse(['token', 'create', '--name', blank])).rejects.toThrow(/--name cannot be empty/);
    }
    await expect(parse(['token', 'create', '--name', 'esc\u001b[31mred'])).rejects.toThrow(/--name contains a control character/);
    await expect(parse(['token', 'create', '--name', 'ci', '--description', 'two\nlines'])).rejects.toThrow(/--description contains a control character/);
    // A bidirectional override makes a name read as another; the server refuses it too.
    await expect(parse(['token', 'create', '--name', 'ci\u202egnp.exe'])).rejects.toThrow(/--name contains .*bidirectional override/);
    expect((await parse(['token', 'create', '--name', '日本語 🚀', '--description', 'Ünïcødé'])).options).toMatchObject({ name: '日本語 🚀', description: 'Ünïcødé' });
  });

  it('global flags work before and after the command', async () => {
    const before = await parse(['-o', 'json', '-p', 'work', '--endpoint', 'http://127.0.0.1:8080', '--config', '/tmp/c.yaml', 'token', 'list']);
    const after = await parse(['token', 'list', '-o', 'json', '-p', 'work', '--endpoint', 'http://127.0.0.1:8080', '--config', '/tmp/c.yaml']);
    const expected = { output: 'json', profile: 'work', endpoint: 'http://127.0.0.1:8080', config: '/tmp/c.yaml' };
    expect(before.globals).toEqual(expected);
    expect(after.globals).toEqual(expected);
    expect(after.options).toEqual({ output: 'json' });
  });

  it('token get / delete take --id: a whole ID or a prefix of at least 8 characters', async () => {
    expect((await parse(['token', 'get', '--id', '1c018980'])).options).toEqual({ id: '1c018980', output: 'table' });
    expect((await parse(['token', 'delete', '--id', '1c018980', '-o', 'json'])).options).toEqual({ id: '1c018980', output: 'json' });
    // Shorter than the short ID the UI shows: it cannot name one token, and no request is sent.
    await expect(parse(['token', 'get', '--id', 'abc'])).rejects.toThrow('--id "abc" is too short to name one token');
  });

  it('login: the official flags plus --force; a profile name with a space is refused', async () => {
    expect((await parse(['login', '--profile-name', 'work', '--email', 'a@example.com', '--password-stdin', '-f'])).options).toEqual({
      profileName: 'work',
      email: 'a@example.com',
      passwordStdin: true,
      force: true,
    });
    expect((await parse(['login'])).options).toEqual({ passwordStdin: false, force: false });
    await expect(parse(['login', '--profile-name', 'my work'])).rejects.toBeInstanceOf(UsageError);
  });

  it('account and organization commands', async () => {
    expect((await parse(['account', 'organization', '-o', 'json'])).options).toEqual({ output: 'json' });
    expect((await parse(['account', 'password', 'change', '--new-password-stdin'])).options).toEqual({ newPasswordStdin: true, output: 'table' });
    const created = await parse([
      'organization', 'create', '--organization-name', 'acme', '--organization-description', 'rockets',
      '--account-first-name', 'Ada', '--account-last-name', 'Lovelace', '--account-email', 'ada@example.com', '--account-password', 'long enough password',
    ]);
    expect(created.options).toEqual({
      organizationName: 'acme', organizationDescription: 'rockets', firstName: 'Ada', lastName: 'Lovelace',
      email: 'ada@example.com', password: 'long enough password', passwordStdin: false, output: 'table',
    });
  });

  it('profile commands take the name as an argument; remove accepts --yes and --force', async () => {
    expect((await parse(['profile', 'use', 'work'])).options).toEqual({ name: 'work' });
    expect((await parse(['profile', 'remove', 'work'])).options).toEqual({ name: 'work', yes: false });
    expect((await parse(['profile', 'remove', 'work', '-y'])).options).toEqual({ name: 'work', yes: true });
    expect((await parse(['profile', 'remove', 'work', '--force'])).options).toEqual({ name: 'work', yes: true });
    expect((await parse(['profile', 'current'])).options).toEqual({ output: 'table' });
    expect((await parse(['profile', 'list', '-o', 'json'])).options).toEqual({ output: 'json' });
  });

  it('tui, server, demo and completion', async () => {
    expect((await parse(['tui', '-p', 'work', '--endpoint', 'http://x.test'])).options).toEqual({ profile: 'work', endpoint: 'http://x.test' });
    expect((await parse(['server', '--port', '0', '--registration', 'off', '--db', 'a.db'])).options).toEqual({ port: 0, registration: 'off', db: 'a.db' });
    await expect(parse(['server', '--port', 'http'])).rejects.toBeInstanceOf(UsageError);
    expect((await parse(['demo', '--server-only', '--port', '9000'])).options).toEqual({ serverOnly: true, port: 9000 });
    expect((await parse(['completion', 'fish'])).options).toEqual({ shell: 'fish' });
  });
});
