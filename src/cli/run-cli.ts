// One run of `appclacks`: parse, build the deps, run the command, map any
// failure to one message and one exit code.
import { CommanderError } from 'commander';
import { UsageError } from '../errors';
import type { AnyCommandSpec, ParsedInput } from './command';
import { COMMANDS, GROUPS } from './commands';
import { createCliDeps, type BaseDeps } from './deps';
import { buildProgram, exitCodeForCommander } from './program';
import { optionKey } from './globals';
import { isDebug, reportError } from '../errors/report';

function requireMandatoryFlags(spec: AnyCommandSpec, input: ParsedInput): void {
  for (const option of spec.options ?? []) {
    if (option.mandatory && input.flags[optionKey(option)] === undefined) {
      throw new UsageError(`required option ${option.flags} not given`, { hint: `see \`appclacks ${spec.path.join(' ')} --help\`` });
    }
  }
}

export async function runCli(argv: readonly string[], base: BaseDeps, commands: readonly AnyCommandSpec[] = COMMANDS): Promise<number> {
  const { stdout, stderr } = base.io;
  let exitCode = 0;
  const program = buildProgram(
    commands,
    GROUPS,
    async (spec, input) => {
      requireMandatoryFlags(spec, input);
      const options = spec.parse(input);
      const deps = createCliDeps(base, {
        ...(input.globals.profile === undefined ? {} : { profile: input.globals.profile }),
        ...(input.globals.endpoint === undefined ? {} : { endpoint: input.globals.endpoint }),
        ...(input.globals.config === undefined ? {} : { config: input.globals.config }),
      });
      try {
        exitCode = (await spec.run(options, deps)) ?? 0;
      } finally {
        await deps.dispose();
      }
    },
    { writeOut: (text) => stdout.write(text), writeErr: (text) => stderr.write(text) },
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return exitCodeForCommander(error);
    return reportError(error, stderr, isDebug(base.env));
  }
}
