// What every verb declares: its place in the tree, flags, help examples, how
// parsed flags become its options, and what it does with them. The program
// (program.ts), the help and the completion scripts are all drawn from these.
import type { CliDeps } from './deps';

export type OutputFormat = 'table' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json'];

/** Flags every command accepts. */
export interface GlobalOptions {
  profile?: string;
  output: OutputFormat;
  config?: string;
  endpoint?: string;
  /** --insecure-ok: no warning for credentials over plain http to another machine. */
  insecureOk?: boolean;
}

export interface OptionSpec {
  /** Commander syntax, e.g. "--name <name>" or "-f, --force". */
  flags: string;
  description: string;
  mandatory?: boolean;
  /** Every use is collected into an array. */
  repeatable?: boolean;
  choices?: readonly string[];
  /** Values the shell asks the program for while completing (see completion/model.ts). */
  complete?: DynamicCompletion;
}

export interface ArgumentSpec {
  /** `names...` takes any number of words. */
  name: string;
  /** May be left out (`[name]` in the help); arguments are required otherwise. */
  optional?: boolean;
  description: string;
  choices?: readonly string[];
  complete?: DynamicCompletion;
}

/** Completions that depend on the user's files, listed by `appclacks __complete-profiles`. */
export type DynamicCompletion = 'profiles';

/** What commander parsed, before the command turns it into its options. */
export interface ParsedInput {
  args: string[];
  flags: Record<string, unknown>;
  globals: GlobalOptions;
}

export interface CommandSpec<O> {
  /** e.g. ["token", "create"] */
  path: readonly string[];
  summary: string;
  /** Positional arguments: required unless marked optional. */
  arguments?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  /** Extra help text, shown before the examples. */
  notes?: string;
  /** Shown under "Examples:" in the help. */
  examples: readonly string[];
  /** Left out of help and completion: plumbing for the completion scripts. */
  hidden?: boolean;
  /** May throw UsageError: bad values are refused before any I/O. */
  parse(input: ParsedInput): O;
  /** Resolves to the exit code (0 when nothing is returned). */
  run(options: O, deps: CliDeps): Promise<number | void>;
}

// Method syntax above keeps run/parse bivariant, so a CommandSpec<Options>
// fits in the one table of every command.
export type AnyCommandSpec = CommandSpec<unknown>;

export function flagString(flags: Record<string, unknown>, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function flagBoolean(flags: Record<string, unknown>, name: string): boolean {
  return flags[name] === true;
}

export function flagList(flags: Record<string, unknown>, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
