// `appclacks completion bash|zsh|fish`.
import { UsageError } from '../../errors';
import type { AnyCommandSpec, CommandSpec } from '../command';
import { bashScript } from '../completion/bash';
import { fishScript } from '../completion/fish';
import { completionModel, PROFILES_COMMAND } from '../completion/model';
import { zshScript } from '../completion/zsh';
import type { CliDeps } from '../deps';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionOptions {
  shell: Shell;
}

export function completionScript(shell: Shell, commands: readonly AnyCommandSpec[], groups: Readonly<Record<string, string>>): string {
  const model = completionModel(commands, groups);
  if (shell === 'bash') return bashScript(model);
  if (shell === 'zsh') return zshScript(model);
  return fishScript(model);
}

export function completionCommand(
  commands: () => readonly AnyCommandSpec[],
  groups: Readonly<Record<string, string>>,
): CommandSpec<CompletionOptions> {
  return {
    path: ['completion'],
    summary: 'Print a shell completion script (bash, zsh or fish)',
    arguments: [{ name: 'shell', description: 'bash, zsh or fish', choices: SHELLS }],
    examples: ['source <(appclacks completion bash)', 'appclacks completion zsh > "${fpath[1]}/_appclacks"', 'appclacks completion fish > ~/.config/fish/completions/appclacks.fish'],
    parse({ args }) {
      const shell = SHELLS.find((s) => s === args[0]);
      if (shell === undefined) throw new UsageError(`unsupported shell "${args[0] ?? ''}"`, { hint: `use one of ${SHELLS.join(', ')}` });
      return { shell };
    },
    async run(options: CompletionOptions, deps: CliDeps) {
      deps.io.stdout.write(completionScript(options.shell, commands(), groups));
    },
  };
}

/**
 * What the completion scripts run to offer profile names: one per line, from
 * the config file the command line or APPCLACKS_CONFIG points at. A missing or
 * broken file offers nothing; a message would land in the middle of the
 * user's command line.
 */
export const completeProfilesCommand: CommandSpec<Record<string, never>> = {
  path: [PROFILES_COMMAND],
  summary: 'List profile names for the completion scripts',
  hidden: true,
  examples: [],
  parse: () => ({}),
  async run(_options, deps: CliDeps) {
    try {
      const ctx = await deps.context();
      deps.io.stdout.write(ctx.data.profiles.map((p) => `${p.name}\n`).join(''));
    } catch {
      // nothing to offer
    }
  },
};
