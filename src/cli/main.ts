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

/** The commands plainArgv may recognise, each loaded alone. */
const PLAIN_SPECS: Readonly<Record<string, () => Promise<{ command: AnyCommandSpec }>>> = {
  tui: async () => import('./commands/tui') as Promise<{ command: AnyCommandSpec }>,
  'token list': async () => import('./commands/token/list') as Promise<{ command: AnyCommandSpec }>,
};

export async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  // The same answer commander gives (src/cli/program.ts), without commander.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const plain = plainArgv(argv);
  const loadSpec = plain && PLAIN_SPECS[plain.path];
  if (plain && loadSpec) {
    const [{ processBaseDeps }, { runCommand }, { command }] = await Promise.all([import('./deps'), import('./run-command'), loadSpec()]);
    const base = processBaseDeps();
    try {
      process.exitCode = await runCommand(command, plain.input, base);
    } catch (error) {
      // As runCli reports what a command throws.
      const { isDebug, reportError } = await import('../errors/report');
      process.exitCode = reportError(error, base.io.stderr, isDebug(base.env));
    }
    return;
  }
  const [{ processBaseDeps }, { runCli }] = await Promise.all([import('./deps'), import('./run-cli')]);
  process.exitCode = await runCli(argv, processBaseDeps());
}
