// Entry of the bundled program (dist/appclacks.js), called by bin/. It stays
// tiny: the parser (commander) and every command are in a chunk of their own,
// so `appclacks --version` answers without loading them, and the commonest
// commands in their plainest forms run without the parser (plain-argv.ts).
import { VERSION } from '../version';
import type { AnyCommandSpec } from './command';
import { plainArgv } from './plain-argv';

// `appclacks token list | head -1` closes the pipe early: that is the reader's
// choice, not a failure worth a stack trace.
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * What a plain command runs with: runCli's three, and the error report, which
 * must come from the same build as the command, since it tells errors apart
 * by their classes (the token list path is a build of its own).
 */
interface PlainPath {
  processBaseDeps: typeof import('./deps').processBaseDeps;
  runCommand: typeof import('./run-command').runCommand;
  command: AnyCommandSpec;
  isDebug: typeof import('../report/report').isDebug;
  reportError: typeof import('../report/report').reportError;
}

/** The commands plainArgv may recognise, each loaded alone. */
const PLAIN_PATHS: Readonly<Record<string, () => Promise<PlainPath>>> = {
  tui: async () => {
    const [{ processBaseDeps }, { runCommand }, { command }, { isDebug, reportError }] = await Promise.all([
      import('./deps'),
      import('./run-command'),
      import('./commands/tui'),
      // deps loads it anyway.
      import('../report/report'),
    ]);
    return { processBaseDeps, runCommand, command: command as AnyCommandSpec, isDebug, reportError };
  },
  // One file of its own in the build (see plain-token-list.ts).
  'token list': async () => import('./plain-token-list') as Promise<PlainPath>,
};

export async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  // The same answer commander gives (src/cli/program.ts), without commander.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const plain = plainArgv(argv);
  const loadPath = plain && PLAIN_PATHS[plain.path];
  if (plain && loadPath) {
    const { processBaseDeps, runCommand, command, isDebug, reportError } = await loadPath();
    const base = processBaseDeps();
    try {
      process.exitCode = await runCommand(command, plain.input, base);
    } catch (error) {
      // As runCli reports what a command throws.
      process.exitCode = reportError(error, base.io.stderr, isDebug(base.env));
    }
    return;
  }
  const [{ processBaseDeps }, { runCli }] = await Promise.all([import('./deps'), import('./run-cli')]);
  process.exitCode = await runCli(argv, processBaseDeps());
}
