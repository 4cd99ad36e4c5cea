import type { TuiOptions } from '../../tui/run';
import type { CommandSpec, GlobalOptions } from '../command';
import type { CliDeps } from '../deps';

export const command: CommandSpec<TuiOptions> = {
  path: ['tui'],
  summary: 'Open the full-screen terminal UI (also `appclacks-tui`)',
  examples: ['appclacks tui', 'appclacks tui -p work', 'appclacks-tui --endpoint http://127.0.0.1:8080'],
  parse: ({ globals }) => pickConfigFlags(globals),
  run,
};

function pickConfigFlags(globals: GlobalOptions): TuiOptions {
  return {
    ...(globals.profile === undefined ? {} : { profile: globals.profile }),
    ...(globals.endpoint === undefined ? {} : { endpoint: globals.endpoint }),
    ...(globals.config === undefined ? {} : { config: globals.config }),
    ...(globals.insecureOk === true && { insecureOk: true }),
  };
}

export async function run(options: TuiOptions, deps: CliDeps): Promise<number> {
  // runTui checks for a terminal (and names the CLI command to use instead)
  // before it loads ink and react.
  const { runTui } = await import('../../tui/run');
  return runTui(options, { env: deps.env, stdin: deps.io.stdin, stdout: deps.io.stdout, stderr: deps.io.stderr });
}
