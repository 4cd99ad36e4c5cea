import type { CommandSpec, OutputFormat } from '../../command';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';
import { tokenListJson } from '../../output/json';
import { printResult } from '../../output/print';
import { tokenTable } from '../../output/resources';

export interface TokenListOptions {
  output: OutputFormat;
}

export const command: CommandSpec<TokenListOptions> = {
  path: ['token', 'list'],
  summary: "List the organization's API tokens",
  examples: ['appclacks token list', 'appclacks token list -p work -o json'],
  parse: ({ globals }) => ({ output: globals.output }),
  run,
};

export async function run(options: TokenListOptions, deps: CliDeps): Promise<void> {
  const tokens = await withTokenAuth(deps, (api, credentials) => api.listTokens(credentials));
  printResult(deps, options.output, tokenListJson(tokens), () => tokenTable(tokens, deps.clock()));
}
