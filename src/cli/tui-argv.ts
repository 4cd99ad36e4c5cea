// `appclacks tui` (and `appclacks-tui`) with nothing but plain config flags
// starts the UI without loading commander and every command: about 20 ms of
// the UI's start-up on a 2-core machine, before its first frame. Anything
// this does not recognise for certain (help, a misspelt or repeated flag, a
// value that looks like a flag, `--flag=` forms with an empty value, flags
// before `tui`) returns undefined and goes through commander, so help,
// errors and completion stay commander's. test/cli/tui-argv.test.ts holds
// every form it accepts to what commander parses.
import type { TuiOptions } from '../tui/run';

const VALUE_FLAGS: Readonly<Record<string, keyof TuiOptions>> = {
  '-p': 'profile',
  '--profile': 'profile',
  '--config': 'config',
  '--endpoint': 'endpoint',
};

/** The UI's options when `argv` is `tui` followed by plain config flags; undefined for commander to decide. */
export function plainTuiArgv(argv: readonly string[]): TuiOptions | undefined {
  if (argv[0] !== 'tui') return undefined;
  const options: TuiOptions = {};
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const flag = equals === -1 ? word : word.slice(0, equals);
    const key = Object.hasOwn(VALUE_FLAGS, flag) ? VALUE_FLAGS[flag] : undefined;
    if (key === undefined || options[key] !== undefined) return undefined;
    const value = equals === -1 ? argv[++i] : word.slice(equals + 1);
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    options[key] = value;
  }
  return options;
}
