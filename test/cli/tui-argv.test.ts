// The UI's shortcut past commander (src/cli/tui-argv.ts) must read argv
// exactly as commander does, or leave it to commander.
import { describe, expect, it } from 'vitest';
import { COMMANDS, GROUPS } from '../../src/cli/commands';
import { buildProgram } from '../../src/cli/program';
import { plainTuiArgv } from '../../src/cli/tui-argv';

async function commanderParse(argv: string[]): Promise<unknown> {
  let options: unknown;
  const program = buildProgram(
    COMMANDS,
    GROUPS,
    async (spec, input) => {
      options = spec.parse(input);
    },
    { writeOut: () => undefined, writeErr: () => undefined },
  );
  await program.parseAsync(argv, { from: 'user' });
  return options;
}

describe('plainTuiArgv', () => {
  const accepted = [
    ['tui'],
    ['tui', '-p', 'work'],
    ['tui', '--profile', 'work'],
    ['tui', '--profile=work'],
    ['tui', '--config', '/tmp/c.yaml', '--endpoint', 'http://127.0.0.1:8080'],
    ['tui', '--endpoint=http://x.test/a=b', '-p', 'work', '--config=rel/c.yaml'],
    ['tui', '-p', 'with space'],
  ];
  for (const argv of accepted) {
    it(`reads ${JSON.stringify(argv)} as commander does`, async () => {
      const fast = plainTuiArgv(argv);
      expect(fast).toBeDefined();
      expect(fast).toEqual(await commanderParse(argv));
    });
  }

  const deferred = [
    [],
    ['token', 'list'],
    ['-p', 'work', 'tui'],
    ['tui', '--help'],
    ['tui', '-h'],
    ['tui', '--version'],
    ['tui', '-o', 'json'],
    ['tui', '--output=json'],
    ['tui', '-pwork'],
    ['tui', '-p'],
    ['tui', '-p', ''],
    ['tui', '--profile='],
    ['tui', '-p', '--config'],
    ['tui', '-p', 'a', '-p', 'b'],
    ['tui', '--profil', 'work'],
    ['tui', 'extra'],
    ['tui', '--'],
    ['tui', '--toString', 'x'],
  ];
  for (const argv of deferred) {
    it(`leaves ${JSON.stringify(argv)} to commander`, () => {
      expect(plainTuiArgv(argv)).toBeUndefined();
    });
  }
});
