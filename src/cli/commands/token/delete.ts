import type { CommandSpec, OutputFormat } from '../../command';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';
import { messagesJson } from '../../output/json';
import { printResult } from '../../output/print';
import { ID_OPTION, tokenIdFrom } from './id-option';

export interface TokenDeleteOptions {
  id: string;
  output: OutputFormat;
}

export const command: CommandSpec<TokenDeleteOptions> = {
  path: ['token', 'delete'],
  summary: 'Delete an API token; it stops working at once',
  options: [ID_OPTION],
  examples: ['appclacks token delete --id 66f16f70-edd1-4948-8b85-a905a5602da4'],
  parse: ({ flags, globals }) => ({ id: tokenIdFrom(flags), output: globals.output }),
  run,
};

export async function run(options: TokenDeleteOptions, deps: CliDeps): Promise<void> {
  const messages = await withTokenAuth(deps, (api, credentials) => api.deleteToken(credentials, options.id));
  printResult(deps, options.output, messagesJson(messages), () => (messages.length > 0 ? messages : [`Token ${options.id} deleted`]).join('\n') + '\n');
}
