// `appclacks demo`: a throwaway server, organization, tokens and config file,
// so a newcomer sees a working UI without configuring anything.
import type { Env } from '../config/types';

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

export async function runDemoCommand(options: DemoOptions, deps: DemoDeps): Promise<number> {
  if (!options.serverOnly && !(deps.stdin.isTTY === true && deps.stdout.isTTY === true)) {
    deps.stderr.write('error: the demo UI needs a terminal; run `appclacks demo --server-only` to use the demo server from the CLI\n');
    return 2;
  }
  deps.stderr.write('error: the demo is not ready yet\n');
  return 1;
}
