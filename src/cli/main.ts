// Entry of the bundled program (dist/appclacks.js), called by bin/. It stays
// tiny: the parser (commander) and every command are in a chunk of their own,
// so `appclacks --version` answers without loading them.
import { VERSION } from '../version';

// `appclacks token list | head -1` closes the pipe early: that is the reader's
// choice, not a failure worth a stack trace.
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  // The same answer commander gives (src/cli/program.ts), without commander.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const [{ processBaseDeps }, { runCli }] = await Promise.all([import('./deps'), import('./run-cli')]);
  process.exitCode = await runCli(argv, processBaseDeps());
}
