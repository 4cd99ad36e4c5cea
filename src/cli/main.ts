// Entry of the bundled program (dist/appclacks.js), called by bin/.
import { processBaseDeps } from './deps';
import { runCli } from './run-cli';

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
  process.exitCode = await runCli(argv, processBaseDeps());
}
