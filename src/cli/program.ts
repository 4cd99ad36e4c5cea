// The commander tree, built from the command table. Parsing only: what a
// command does is behind `handle`, so tests can check "these argv give these
// options" without running anything.
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version';
import type { AnyCommandSpec, GlobalOptions, OptionSpec, ParsedInput } from './command';
import { GLOBAL_OPTIONS } from './globals';
import { oneLine } from '../report/report';

export type CommandHandler = (spec: AnyCommandSpec, input: ParsedInput) => Promise<void>;

export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

function addOption(command: Command, spec: OptionSpec): void {
  // Mandatory flags are checked by runCli after commander's own checks, so a
  // misspelt flag is reported as such rather than as a missing one.
  const option = new Option(spec.flags, spec.mandatory ? `${spec.description} (required)` : spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  command.addOption(option);
}

const ROOT_NOTES = `
Environment variables (they win over the config file):
  APPCLACKS_PROFILE           profile to use
  APPCLACKS_ORGANIZATION_ID   organization ID for token auth
  APPCLACKS_TOKEN             API token for token auth
  APPCLACKS_ACCOUNT_EMAIL     account email for password auth (login, account, token create)
  APPCLACKS_ACCOUNT_PASSWORD  account password for password auth
  APPCLACKS_API_ENDPOINT      API base URL
  APPCLACKS_CONFIG            config file
  APPCLACKS_DEBUG=1           print stack traces with errors

Exit codes: 0 success, 1 failure, 2 usage error, 4 authentication or permission refused, 130 interrupted.`;

function examplesText(examples: readonly string[]): string {
  return examples.length === 0 ? '' : `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`;
}

/**
 * Commander's messages already start with "error:"; keep them on one line and
 * add where to look. Usage errors exit 2 (see runCli).
 */
function configureErrors(command: Command, output: ProgramOutput, helpCommand: string): void {
  command.configureOutput({
    writeOut: output.writeOut,
    writeErr: output.writeErr,
    outputError: (text, write) => write(`${oneLine(text)}\nhint: see \`${helpCommand} --help\`\n`),
  });
}

function globalsFrom(values: Record<string, unknown>): GlobalOptions {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const profile = text('profile');
  const config = text('config');
  const endpoint = text('endpoint');
  return {
    output: text('output') === 'json' ? 'json' : 'table',
    ...(profile === undefined ? {} : { profile }),
    ...(config === undefined ? {} : { config }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(values.insecureOk === true && { insecureOk: true }),
  };
}

export function buildProgram(commands: readonly AnyCommandSpec[], groups: Readonly<Record<string, string>>, handle: CommandHandler, output: ProgramOutput): Command {
  const program = new Command('appclacks')
    .description('Manage Appclacks API tokens and credential profiles.')
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .showSuggestionAfterError(true)
    // Every command's help lists the flags it inherits (-p, -o, --config, --endpoint), as gh's
    // INHERITED FLAGS do: they work after the command too, and are otherwise found only at the root.
    .configureHelp({ showGlobalOptions: true });
  configureErrors(program, output, 'appclacks');
  for (const option of GLOBAL_OPTIONS) addOption(program, option);
  program.addHelpText('after', ROOT_NOTES);
  program.addHelpText('after', examplesText(['appclacks login', 'appclacks token list', 'appclacks token create --name ci --ttl 30d --permission ListAPITokens', 'appclacks tui']));

  const byPath = new Map<string, Command>([['', program]]);
  const parentOf = (path: readonly string[]): Command => {
    const key = path.join(' ');
    const existing = byPath.get(key);
    if (existing) return existing;
    const parent = parentOf(path.slice(0, -1));
    const group = parent.command(path[path.length - 1]!).description(groups[key] ?? '');
    configureErrors(group, output, `appclacks ${key}`);
    byPath.set(key, group);
    return group;
  };

  for (const spec of commands) {
    const parent = parentOf(spec.path.slice(0, -1));
    const leaf = parent.command(spec.path[spec.path.length - 1]!, { hidden: spec.hidden === true }).description(spec.summary);
    configureErrors(leaf, output, `appclacks ${spec.path.join(' ')}`);
    // A command may also group others (`server` and `server migrate-db`).
    byPath.set(spec.path.join(' '), leaf);
    for (const argument of spec.arguments ?? []) {
      leaf.argument(argument.optional ? `[${argument.name}]` : `<${argument.name}>`, argument.description);
    }
    for (const option of spec.options ?? []) addOption(leaf, option);
    if (spec.notes) leaf.addHelpText('after', `\n${spec.notes}`);
    leaf.addHelpText('after', examplesText(spec.examples));
    leaf.action(async (...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      await handle(spec, { args: self.args, flags: self.opts(), globals: globalsFrom(self.optsWithGlobals()) });
    });
  }
  return program;
}

/** Exit code for an error commander raised while parsing: help and version are fine, the rest is usage. */
export function exitCodeForCommander(error: CommanderError): number {
  return error.exitCode === 0 ? 0 : 2;
}

export { CommanderError };
