import { flagBoolean, flagString, type CommandSpec } from '../command';
import type { CliDeps } from '../deps';
import { withDatabaseDriver } from '../database-driver';
import { parsePort } from './server';

export interface DemoCommandOptions {
  serverOnly: boolean;
  port?: number;
}

export const command: CommandSpec<DemoCommandOptions> = {
  path: ['demo'],
  summary: 'Try it: a throwaway server, organization, tokens and profiles, then the UI',
  options: [
    { flags: '--server-only', description: 'keep the demo server running and print the export lines for another shell' },
    { flags: '--port <port>', description: 'loopback port for the demo server (default: any free one)' },
  ],
  examples: ['appclacks demo', 'appclacks demo --server-only --port 8080'],
  parse({ flags }) {
    const port = flagString(flags, 'port');
    return { serverOnly: flagBoolean(flags, 'serverOnly'), ...(port === undefined ? {} : { port: parsePort(port, '--port') }) };
  },
  run,
};

export async function run(options: DemoCommandOptions, deps: CliDeps): Promise<number> {
  return withDatabaseDriver(async () => {
    const { runDemoCommand } = await import('../../demo/command');
    return runDemoCommand(options, { env: deps.env, stdin: deps.io.stdin, stdout: deps.io.stdout, stderr: deps.io.stderr });
  });
}
