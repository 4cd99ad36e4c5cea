// The shortcut past commander (src/cli/plain-argv.ts) must hand a command
// exactly what commander hands it, or leave argv to commander.
import { describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../src/cli/command';
import { COMMANDS, GROUPS } from '../../src/cli/commands';
import { plainArgv } from '../../src/cli/plain-argv';
import { buildProgram } from '../../src/cli/program';

/** What commander hands the command (its spec.parse may then refuse it, as it would ours). */
async function commanderParse(argv: string[]): Promise<{ path: string; input: ParsedInput }> {
  let parsed: { path: string; input: ParsedInput } | undefined;
  const program = buildProgram(
    COMMANDS,
    GROUPS,
    async (spec, input) => {
      parsed = { path: spec.path.join(' '), input };
    },
    { writeOut: () => undefined, writeErr: () => undefined },
  );
  await program.parseAsync(argv, { from: 'user' });
  return parsed!;
}

describe('plainArgv', () => {
  const accepted = [
    ['tui'],
    ['tui', '-p', 'work'],
    ['tui', '--profile', 'work'],
    ['tui', '--profile=work'],
    ['tui', '--config', '/tmp/c.yaml', '--endpoint', 'http://127.0.0.1:8080'],
    ['tui', '--endpoint=http://x.test/a=b', '-p', 'work', '--config=rel/c.yaml'],
    ['tui', '-p', 'with space'],
    ['tui', '-o', 'json'],
    ['token', 'list'],
    ['token', 'list', '-o', 'json'],
    ['token', 'list', '--output=table', '-p', 'work'],
    ['token', 'list', '--expired'],
    ['token', 'list', '--expiring', '7d', '--config', 'c.yaml'],
    ['token', 'list', '--expiring=24h', '--endpoint', 'http://127.0.0.1:1'],
    ['token', 'list', '--expired', '--expiring', '7d'],
    ['token', 'list', '--expiring', 'soon'],
  ];
  for (const argv of accepted) {
    it(`reads ${JSON.stringify(argv)} as commander does`, async () => {
      const fast = plainArgv(argv);
      expect(fast).toBeDefined();
      const slow = await commanderParse(argv);
      expect(fast!.path).toBe(slow.path);
      expect(fast!.input).toEqual(slow.input);
    });
  }

  const deferred = [
    [],
    ['token'],
    ['token', 'get', 'x'],
    ['login'],
    ['-p', 'work', 'tui'],
    ['-o', 'json', 'token', 'list'],
    ['tui', '--help'],
    ['tui', '-h'],
    ['token', 'list', '--help'],
    ['tui', '--version'],
    ['tui', '-o', 'yaml'],
    ['token', 'list', '--output=xml'],
    ['tui', '-pwork'],
    ['tui', '-p'],
    ['tui', '-p', ''],
    ['tui', '--profile='],
    ['tui', '-p', '--config'],
    ['tui', '-p', 'a', '-p', 'b'],
    ['tui', '--profil', 'work'],
    ['tui', '--expired'],
    ['tui', 'extra'],
    ['tui', '--'],
    ['tui', '--toString', 'x'],
    ['token', 'list', 'extra'],
    ['token', 'list', '--expired', '--expired'],
    ['token', 'list', '--expired=yes'],
    ['token', 'list', '--expiring'],
    ['token', 'list', '--expiring', '-1d'],
    ['token', 'list', '-x'],
  ];
  for (const argv of deferred) {
    it(`leaves ${JSON.stringify(argv)} to commander`, () => {
      expect(plainArgv(argv)).toBeUndefined();
    });
  }
});
