import type { CommandSpec, OutputFormat } from '../../command';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';
import { tokenJson } from '../../output/json';
import { printResult } from '../../output/print';
import { tokenTable } from '../../output/resources';
import { ID_OPTION, resolveTokenId, tokenIdFrom } from './id-option';

export interface TokenGetOptions {
  id: string;
  output: OutputFormat;
}

export const command: CommandSpec<TokenGetOptions> = {
  path: ['token', 'get'],
  summary: 'Show one API token (never its secret)',
  options: [ID_OPTION],
  examples: ['appclacks token get --id 66f16f70-edd1-4948-8b85-a905a5602da4', 'appclacks token get --id 66f16f70', 'appclacks token get --id 66f16f70-edd1-4948-8b85-a905a5602da4 -o json'],
  parse: ({ flags, globals }) => ({ id: tokenIdFrom(flags), output: globals.output }),
  run,
};

export async function run(options: TokenGetOptions, deps: CliDeps): Promise<void> {
  const id = await resolveTokenId(options.id, deps);
  const token = await withTokenAuth(deps, (api, credentials) => api.getToken(credentials, id));
  printResult(deps, options.output, tokenJson(token, { withSecret: false }), () => tokenTable([token], deps.clock()));
}
