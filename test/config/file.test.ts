import { describe, expect, it } from 'vitest';
import { assertProfileName, ConfigDocument, maskToken, parseConfigText, profileNameProblem } from '../../src/config';
import { ConfigError, UsageError } from '../../src/errors';

const FILE = '~/.config/appclacks/appclacks.yaml';

function configErrorOf(text: string): ConfigError {
  try {
    parseConfigText(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText', () => {
  it('reads the official CLI shape, profiles in file order', () => {
    const { data } = parseConfigText(
      'default-profile: work\nprofiles:\n  work:\n    organization-id: o-1\n    api-token: t-1\n  "2024":\n    organization-id: o-2\n    api-token: t-2\n',
      FILE,
    );
    expect(data).toEqual({
      defaultProfile: 'work',
      profiles: [
        { name: 'work', organizationId: 'o-1', apiToken: 't-1' },
        { name: '2024', organizationId: 'o-2', apiToken: 't-2' },
      ],
    });
  });

  it.each(['', '\n', '# only a comment\n', 'profiles:\n', 'default-profile:\nprofiles: {}\n'])('reads %j as an empty config', (text) => {
    expect(parseConfigText(text, FILE).data).toEqual({ profiles: [] });
  });

  it('accepts keys it does not know', () => {
    const { data } = parseConfigText('theme: dark\nprofiles:\n  a:\n    organization-id: o\n    api-token: t\n    note: x\n', FILE);
    expect(data.profiles).toEqual([{ name: 'a', organizationId: 'o', apiToken: 't' }]);
  });

  it('reads a profile that lacks a field as incomplete, pointing at the profile, and keeps the others usable', () => {
    const { data } = parseConfigText('default-profile: a\nprofiles:\n  a:\n    organization-id: ORG\n    api-token: TOKEN\n  b:\n    organization-id: ORG\n', FILE);
    expect(data).toEqual({
      defaultProfile: 'a',
      profiles: [
        { name: 'a', organizationId: 'ORG', apiToken: 'TOKEN' },
        { name: 'b', organizationId: 'ORG', apiToken: '', problems: [{ key: 'api-token', problem: 'missing', line: 6 }] },
      ],
    });
  });

  it('reads empty and wrong-typed fields as problems at their own line, not as errors', () => {
    const text = [
      'profiles:',
      '  list:',
      '    organization-id: [x]',
      '    api-token: t',
      '  map:',
      '    organization-id: o',
      '    api-token: {a: b}',
      '  blank:',
      '    organization-id:',
      '    api-token: ""',
      '  bare:',
      '  scalar: just-a-string',
      '',
    ].join('\n');
    const byName = Object.fromEntries(parseConfigText(text, FILE).data.profiles.map((p) => [p.name, p.problems]));
    expect(byName).toEqual({
      list: [{ key: 'organization-id', problem: 'a list, not a string', line: 3 }],
      map: [{ key: 'api-token', problem: 'a mapping, not a string', line: 7 }],
      blank: [
        { key: 'organization-id', problem: 'empty', line: 9 },
        { key: 'api-token', problem: 'empty', line: 10 },
      ],
      bare: [
        { key: 'organization-id', problem: 'missing', line: 11 },
        { key: 'api-token', problem: 'missing', line: 11 },
      ],
      scalar: [
        { key: 'organization-id', problem: 'missing', line: 12 },
        { key: 'api-token', problem: 'missing', line: 12 },
      ],
    });
  });

  it('reads scalar names, default-profile and fields as their text, as the official CLI does', () => {
    const text = 'default-profile: 2024\nprofiles:\n  2024:\n    organization-id: 42\n    api-token: 0123\n  1.0:\n    organization-id: true\n    api-token: 0x1F\n  true:\n    organization-id: o\n    api-token: t\n';
    expect(parseConfigText(text, FILE).data).toEqual({
      defaultProfile: '2024',
      profiles: [
        { name: '2024', organizationId: '42', apiToken: '0123' },
        { name: '1.0', organizationId: 'true', apiToken: '0x1F' },
        { name: 'true', organizationId: 'o', apiToken: 't' },
      ],
    });
  });

  it('still follows anchors and merge keys', () => {
    const text = 'profiles:\n  base: &base\n    organization-id: 7\n    api-token: t-base\n  copy:\n    <<: *base\n    api-token: t-copy\n';
    expect(parseConfigText(text, FILE).data.profiles).toEqual([
      { name: 'base', organizationId: '7', apiToken: 't-base' },
      { name: 'copy', organizationId: '7', apiToken: 't-copy' },
    ]);
  });

  it('refuses a default-profile that is not a scalar, naming the file, the line and the key', () => {
    const error = configErrorOf('profiles:\n  a:\n    organization-id: o\n    api-token: t\ndefault-profile: [a]\n');
    expect(error.message).toBe(`${FILE}:5: default-profile: expected a string, got a list`);
    expect(error.hint).toBeTruthy();
  });

  it('refuses a top level that is not a mapping', () => {
    expect(configErrorOf('- a\n- b\n').message).toBe(`${FILE}:1: (top level): expected a mapping, got a list`);
  });

  it('refuses profiles that is not a mapping', () => {
    expect(configErrorOf('default-profile: a\nprofiles: [a]\n').message).toMatch(/^~\/\.config\/appclacks\/appclacks\.yaml:2: profiles: expected a mapping/);
  });

  it('names the file and line of a YAML syntax error, in one line', () => {
    const error = configErrorOf('profiles:\n  a:\n    organization-id: o\n    api-token: "unterminated\n');
    expect(error.message).toMatch(/^~\/\.config\/appclacks\/appclacks\.yaml:\d+: invalid YAML: /);
    expect(error.message).not.toContain('\n');
  });

  it('reports a duplicate key with its line', () => {
    const error = configErrorOf('profiles:\n  a:\n    organization-id: o\n    api-token: t\n  a:\n    organization-id: o\n    api-token: t\n');
    expect(error.message).toMatch(/:5: invalid YAML: Map keys must be unique$/);
  });

  it('reports a duplicate key at any depth, in block and flow mappings, with its line', () => {
    expect(configErrorOf('profiles:\n  a:\n    organization-id: o\n    api-token: t\n    api-token: u\n').message).toMatch(/:5: invalid YAML: Map keys must be unique$/);
    expect(configErrorOf('default-profile: a\nprofiles: {}\ndefault-profile: b\n').message).toMatch(/:3: invalid YAML: Map keys must be unique$/);
    expect(configErrorOf('profiles:\n  a: {organization-id: o, api-token: t, api-token: u}\n').message).toMatch(/:2: invalid YAML: Map keys must be unique$/);
    expect(configErrorOf('x:\n  - {k: 1, k: 2}\n').message).toMatch(/:2: invalid YAML: Map keys must be unique$/);
  });

  it('refuses an alias bomb with a ConfigError instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcde'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`), ''].join('\n');
    expect(configErrorOf(bomb).message).toBe(`${FILE}: too many YAML aliases to expand`);
  });

  it('never quotes the content (a token) in a syntax error', () => {
    const error = configErrorOf('profiles:\n  a:\n    organization-id: o\n    api-token: s3cr3t-t0ken}\n  - x: s3cr3t-t0ken\n');
    expect(error.message).not.toContain('s3cr3t');
    expect(error.hint ?? '').not.toContain('s3cr3t');
  });
});

describe('ConfigDocument keeps what it does not change', () => {
  const original = [
    '# Appclacks profiles, edited by hand',
    '',
    'theme: dark # not ours',
    'profiles:',
    '  # production: careful',
    '  prod:',
    '    organization-id: o-prod',
    '    api-token: t-prod # rotated in May',
    '    region: eu',
    '  staging:',
    '    organization-id: o-staging',
    '    api-token: t-staging',
    'default-profile: staging',
    'extras: [1, 2]',
    '',
  ].join('\n');

  it('changing one profile leaves comments, key order and unknown keys in place', () => {
    const doc = ConfigDocument.parse(original, FILE);
    expect(doc.upsertProfile({ name: 'prod', organizationId: 'o-prod-2', apiToken: 't-prod-2' })).toBe('updated');
    expect(doc.toString()).toBe(original.replace('o-prod', 'o-prod-2').replace('t-prod #', 't-prod-2 #'));
  });

  it('a new profile goes last, and the default changes in place', () => {
    const doc = ConfigDocument.parse(original, FILE);
    expect(doc.upsertProfile({ name: 'dev', organizationId: 'o-dev', apiToken: 't-dev' })).toBe('created');
    doc.setDefaultProfile('dev');
    expect(doc.toString()).toBe(
      original
        .replace('default-profile: staging', 'default-profile: dev')
        .replace('    api-token: t-staging\n', '    api-token: t-staging\n  dev:\n    organization-id: o-dev\n    api-token: t-dev\n'),
    );
  });

  it('keeps the 4-space indentation the official CLI writes', () => {
    const goStyle = 'default-profile: a\nprofiles:\n    a:\n        organization-id: o\n        api-token: t\n';
    const doc = ConfigDocument.parse(goStyle, FILE);
    doc.upsertProfile({ name: 'b', organizationId: 'o2', apiToken: 't2' });
    expect(doc.toString()).toBe(`${goStyle}    b:\n        organization-id: o2\n        api-token: t2\n`);
  });

  it('a profile added after the last one was removed is written as a block, not a flow line', () => {
    const doc = ConfigDocument.parse('profiles:\n  a:\n    organization-id: o\n    api-token: t\n', FILE);
    doc.removeProfile('a');
    const emptied = ConfigDocument.parse(doc.toString(), FILE);
    expect(emptied.toString()).toBe('profiles: {}\n');
    emptied.upsertProfile({ name: 'b', organizationId: 'o2', apiToken: 't2' });
    expect(emptied.toString()).toBe('profiles:\n  b:\n    organization-id: o2\n    api-token: t2\n');
  });

  it('keeps the comment of an empty profiles: key', () => {
    const doc = ConfigDocument.parse('profiles: # added by login\n', FILE);
    doc.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' });
    expect(doc.toString()).toContain('# added by login');
  });

  it('keeps Windows line endings', () => {
    const crlf = 'profiles:\r\n  a:\r\n    organization-id: o\r\n    api-token: t\r\n';
    const doc = ConfigDocument.parse(crlf, FILE);
    doc.upsertProfile({ name: 'b', organizationId: 'o2', apiToken: 't2' });
    expect(doc.toString()).toBe(`${crlf}  b:\r\n    organization-id: o2\r\n    api-token: t2\r\n`);
  });

  it('writes default-profile before profiles when the file had none', () => {
    const doc = ConfigDocument.parse('profiles:\n  a:\n    organization-id: o\n    api-token: t\n', FILE);
    doc.setDefaultProfile('a');
    expect(doc.toString()).toBe('default-profile: a\nprofiles:\n  a:\n    organization-id: o\n    api-token: t\n');
  });

  it('builds the official shape in an empty file', () => {
    const doc = ConfigDocument.parse('', FILE);
    doc.upsertProfile({ name: 'work', organizationId: 'o', apiToken: '0123' });
    doc.setDefaultProfile('work');
    const text = doc.toString();
    expect(text).toBe('default-profile: work\nprofiles:\n  work:\n    organization-id: o\n    api-token: "0123"\n');
    expect(parseConfigText(text, FILE).data.profiles[0]?.apiToken).toBe('0123');
  });

  it('removing the default profile clears default-profile and keeps the others', () => {
    const doc = ConfigDocument.parse(original, FILE);
    expect(doc.removeProfile('staging')).toEqual({ clearedDefault: true });
    const data = doc.data();
    expect(data.defaultProfile).toBeUndefined();
    expect(data.profiles.map((p) => p.name)).toEqual(['prod']);
    expect(doc.toString()).toContain('theme: dark # not ours');
    expect(doc.toString()).toContain('extras: [1, 2]');
  });

  it('removing the default profile keeps a header comment written right above default-profile', () => {
    const text = '# written by hand\ndefault-profile: a\nprofiles:\n  a:\n    organization-id: o\n    api-token: t\n  b:\n    organization-id: o2\n    api-token: t2\n';
    const doc = ConfigDocument.parse(text, FILE);
    doc.removeProfile('a');
    expect(doc.toString()).toBe('# written by hand\nprofiles:\n  b:\n    organization-id: o2\n    api-token: t2\n');
  });

  it('removing another profile keeps the default', () => {
    const doc = ConfigDocument.parse(original, FILE);
    expect(doc.removeProfile('prod')).toEqual({ clearedDefault: false });
    expect(doc.data()).toEqual({
      defaultProfile: 'staging',
      profiles: [{ name: 'staging', organizationId: 'o-staging', apiToken: 't-staging' }],
    });
  });

  it('refuses an unknown profile as default, listing the known ones', () => {
    const doc = ConfigDocument.parse(original, FILE);
    expect(() => doc.setDefaultProfile('nope')).toThrow(UsageError);
    expect(() => doc.setDefaultProfile('nope')).toThrow(`profile "nope" not found in ${FILE}; known profiles: prod, staging`);
    expect(() => doc.removeProfile('nope')).toThrow(UsageError);
    expect(() => doc.removeProfile('prd')).toThrow(`profile "prd" not found in ${FILE}; did you mean "prod"? known profiles: prod, staging`);
    expect(doc.changed).toBe(false);
  });

  it('keeps an incomplete profile when another one is written, and replaces or removes it on request', () => {
    const broken = 'default-profile: a\nprofiles:\n  a:\n    organization-id: ORG\n    api-token: TOKEN\n  b:\n    organization-id: ORG\n';
    const doc = ConfigDocument.parse(broken, FILE);
    doc.upsertProfile({ name: 'c', organizationId: 'o-c', apiToken: 't-c' });
    expect(doc.toString()).toBe(`${broken}  c:\n    organization-id: o-c\n    api-token: t-c\n`);
    expect(doc.data().profiles.map((p) => [p.name, p.problems?.length ?? 0])).toEqual([['a', 0], ['b', 1], ['c', 0]]);

    expect(doc.upsertProfile({ name: 'b', organizationId: 'o-b', apiToken: 't-b' })).toBe('updated');
    expect(doc.getProfile('b')).toEqual({ name: 'b', organizationId: 'o-b', apiToken: 't-b' });
    expect(doc.toString()).toContain('  b:\n    organization-id: o-b\n    api-token: t-b\n');

    const again = ConfigDocument.parse(broken, FILE);
    expect(again.removeProfile('b')).toEqual({ clearedDefault: false });
    expect(again.toString()).toBe('default-profile: a\nprofiles:\n  a:\n    organization-id: ORG\n    api-token: TOKEN\n');
  });

  it('finds numeric profile names by their text, and quotes new ones', () => {
    const text = 'default-profile: 2024\nprofiles:\n  2024:\n    organization-id: o\n    api-token: t\n  1.0:\n    organization-id: o\n    api-token: t\n';
    const doc = ConfigDocument.parse(text, FILE);
    expect(doc.upsertProfile({ name: '1.0', organizationId: 'o2', apiToken: 't2' })).toBe('updated');
    expect(doc.toString()).toBe(text.replace('  1.0:\n    organization-id: o\n    api-token: t\n', '  1.0:\n    organization-id: o2\n    api-token: t2\n'));
    expect(doc.removeProfile('2024')).toEqual({ clearedDefault: true });
    doc.upsertProfile({ name: '2025', organizationId: '100', apiToken: '0123' });
    doc.setDefaultProfile('2025');
    const written = doc.toString();
    expect(written).toContain('default-profile: "2025"\n');
    expect(written).toContain('  "2025":\n    organization-id: "100"\n    api-token: "0123"\n');
    expect(parseConfigText(written, FILE).data).toEqual({
      defaultProfile: '2025',
      profiles: [
        { name: '1.0', organizationId: 'o2', apiToken: 't2' },
        { name: '2025', organizationId: '100', apiToken: '0123' },
      ],
    });
  });

  it('refuses a profile name that is not safe to type back', () => {
    const doc = ConfigDocument.parse('', FILE);
    expect(() => doc.upsertProfile({ name: 'my profile', organizationId: 'o', apiToken: 't' })).toThrow(UsageError);
    expect(doc.changed).toBe(false);
  });
});

describe('profileNameProblem', () => {
  it.each(['work', 'acme-prod', 'a.b_c', 'été', '2024', 'x'.repeat(251), 'a-', 'a--b'])('accepts %j', (name) => {
    expect(profileNameProblem(name)).toBeUndefined();
  });
  it.each(['', ' ', 'a b', 'a\tb', 'a\nb', 'a\u0000b', 'x'.repeat(252), '-dash', '--profile', '-'])('refuses %j', (name) => {
    expect(profileNameProblem(name)).toBeTruthy();
  });
  it('refuses a leading "-" in one line saying why, since -p and profile use would read it as an option', () => {
    expect(profileNameProblem('-dash')).toBe('a profile name cannot start with "-" (commands would read it as an option)');
    expect(() => assertProfileName('-dash')).toThrow(UsageError);
  });
});

describe('maskToken', () => {
  it('shows only the last four characters', () => {
    expect(maskToken('b6a2c0a3-4c7e-4a1f-9f55-1f2e3d4cabcd')).toBe('••••abcd');
  });
  it('masks short tokens entirely', () => {
    expect(maskToken('')).toBe('••••');
    expect(maskToken('abcd')).toBe('••••');
    expect(maskToken('12345678')).toBe('••••');
    expect(maskToken('123456789')).toBe('••••6789');
  });
});
