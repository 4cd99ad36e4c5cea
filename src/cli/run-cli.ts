// One run of `appclacks`: parse, build the deps, run the command, map any
// failure to one message and one exit code.
import { CommanderError } from 'commander';
import type { AnyCommandSpec } from './command';
import { COMMANDS, GROUPS } from './commands';
import type { BaseDeps } from './deps';
import { buildProgram, exitCodeForCommander } from './program';
import { runCommand } from './run-command';
import { isDebug, reportError } from '../report/report';

export async function runCli(argv: readonly string[], base: BaseDeps, commands: readonly AnyCommandSpec[] = COMMANDS): Promise<number> {
  const { stdout, stderr } = base.io;
  let exitCode = 0;
  const program = buildProgram(
    commands,
    GROUPS,
    async (spec, input) => {
      exitCode = await runCommand(spec, input, base);
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
