// The commands people run most, `appclacks token list` and `appclacks tui`
// (also `appclacks-tui`), start without loading commander and every other
// command when their argv holds nothing but plain flags: about 20 ms of a
// `token list` on a 2-core machine, and of the UI's first frame. Anything
// this does not recognise for certain (help, a misspelt or repeated flag, a
// value that looks like a flag or is empty, a `-o` that is not a format,
// `-pwork`, flags before the command) returns undefined and goes through
// commander, so help, errors and completion stay commander's.
// test/cli/plain-argv.test.ts holds every form accepted here to what
// commander parses, and lists forms left to it.
import { OUTPUT_FORMATS, type GlobalOptions, type OutputFormat, type ParsedInput } from './command';

interface PlainCommand {
  path: readonly string[];
  /** The command's own flags without a value, as commander's option keys. */
  switches: Readonly<Record<string, string>>;
  /** The command's own flags that take a value. */
  values: Readonly<Record<string, string>>;
}

// Kept in step with the specs (commands/tui.ts, commands/token/list.ts) by the test.
const PLAIN_COMMANDS: readonly PlainCommand[] = [
  { path: ['tui'], switches: {}, values: {} },
  { path: ['token', 'list'], switches: { '--expired': 'expired' }, values: { '--expiring': 'expiring' } },
];

const GLOBAL_VALUES: Readonly<Record<string, 'profile' | 'config' | 'endpoint' | 'output'>> = {
  '-p': 'profile',
  '--profile': 'profile',
  '--config': 'config',
  '--endpoint': 'endpoint',
  '-o': 'output',
  '--output': 'output',
};

export interface PlainArgv {
  /** e.g. "token list" */
  path: string;
  input: ParsedInput;
}

/** What commander would hand the command for `argv`, when argv is that plain; undefined for commander to decide. */
export function plainArgv(argv: readonly string[]): PlainArgv | undefined {
  const command = PLAIN_COMMANDS.find((c) => c.path.every((word, i) => argv[i] === word));
  if (command === undefined) return undefined;
  const flags: Record<string, unknown> = {};
  const globals: Partial<Record<'profile' | 'config' | 'endpoint' | 'output', string>> = {};
  const seen = new Set<string>();
  for (let i = command.path.length; i < argv.length; i++) {
    const word = argv[i]!;
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const flag = equals === -1 ? word : word.slice(0, equals);
    const switchKey = Object.hasOwn(command.switches, flag) ? command.switches[flag] : undefined;
    const valueKey = Object.hasOwn(command.values, flag) ? command.values[flag] : undefined;
    const globalKey = Object.hasOwn(GLOBAL_VALUES, flag) ? GLOBAL_VALUES[flag] : undefined;
    const key = switchKey ?? valueKey ?? globalKey;
    if (key === undefined || seen.has(key)) return undefined;
    seen.add(key);
    if (switchKey !== undefined) {
      if (equals !== -1) return undefined;
      flags[switchKey] = true;
      continue;
    }
    const value = equals === -1 ? argv[++i] : word.slice(equals + 1);
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (valueKey !== undefined) flags[valueKey] = value;
    else globals[globalKey!] = value;
  }
  if (globals.output !== undefined && !OUTPUT_FORMATS.includes(globals.output as OutputFormat)) return undefined;
  const parsedGlobals: GlobalOptions = {
    output: globals.output === 'json' ? 'json' : 'table',
    ...(globals.profile !== undefined && { profile: globals.profile }),
    ...(globals.config !== undefined && { config: globals.config }),
    ...(globals.endpoint !== undefined && { endpoint: globals.endpoint }),
  };
  return { path: command.path.join(' '), input: { args: [], flags, globals: parsedGlobals } };
}
