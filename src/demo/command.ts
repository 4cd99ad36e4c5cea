// `appclacks demo`: a throwaway server, organization, tokens and config file,
// so a newcomer sees a working UI without configuring anything.
import type { Env } from '../config/types';
import { demoEnv, exportLines } from './environment';
import { startDemo, type DemoSession } from './session';
import { watchSignals } from './signals';

export interface DemoOptions {
  /** Keep the server running and print export lines instead of opening the UI. */
  serverOnly: boolean;
  /** Loopback port for the server; 0 or undefined picks a free one. */
  port?: number;
}

export interface DemoDeps {
  env: Env;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export const NO_TTY_MESSAGE =
  'error: the demo UI needs a terminal; run `appclacks demo --server-only` to use the demo server from another shell\n';

export async function runDemoCommand(options: DemoOptions, deps: DemoDeps): Promise<number> {
  if (!options.serverOnly && !(deps.stdin.isTTY === true && deps.stdout.isTTY === true)) {
    deps.stderr.write(NO_TTY_MESSAGE);
    return 2;
  }

  const signals = watchSignals();
  let session: DemoSession | undefined;
  // Last resort when the process ends without coming back here (a
  // process.exit() anywhere): the files must still go.
  const removeFiles = () => session?.workspace.remove();
  process.on('exit', removeFiles);
  try {
    session = await startDemo(options.port === undefined ? {} : { port: options.port });
    const interrupted = signals.exitCode();
    if (interrupted !== undefined) return interrupted;

    if (options.serverOnly) {
      deps.stdout.write(`${exportLines(session.access).join('\n')}\n`);
      deps.stderr.write(
        `Demo server at ${session.access.endpoint}. Paste the lines above into another shell, then run e.g. \`appclacks token list\`.\nCtrl+C stops the server and deletes the demo's files.\n`,
      );
      const code = await signals.received;
      await session.close();
      deps.stderr.write('Demo server stopped; its files are deleted.\n');
      return code;
    }

    signals.stop(); // the UI restores the terminal on signals itself
    const { runTui } = await import('../tui/run');
    return await runTui({}, { env: demoEnv(deps.env, session.access), stdin: deps.stdin, stdout: deps.stdout, stderr: deps.stderr });
  } finally {
    signals.stop();
    await session?.close();
    process.off('exit', removeFiles);
  }
}
