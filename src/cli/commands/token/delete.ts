import { UsageError } from '../../../errors';
import { flagBoolean, flagString, type CommandSpec, type OutputFormat } from '../../command';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';
import { messagesJson } from '../../output/json';
import { messageLines, printResult } from '../../output/print';
import { runDeleteExpired } from './delete-expired';
import { ID_OPTION, resolveTokenId, tokenIdFrom } from './id-option';

export interface TokenDeleteOptions {
  id: string;
  output: OutputFormat;
}

export interface TokenDeleteExpiredOptions {
  expired: true;
  /** No question asked; required without a terminal. */
  yes: boolean;
  output: OutputFormat;
}

export const command: CommandSpec<TokenDeleteOptions | TokenDeleteExpiredOptions> = {
  path: ['token', 'delete'],
  summary: 'Delete an API token, or every expired one; it stops working at once',
  options: [
    { ...ID_OPTION, mandatory: false, description: `${ID_OPTION.description}; required unless --expired` },
    { flags: '--expired', description: "delete every expired token of the organization, listing them first" },
    { flags: '-y, --yes', description: 'with --expired: do not ask for confirmation (required without a terminal)' },
  ],
  notes: 'With --expired: one line per token, then a summary; exit 1 when any delete failed.',
  examples: [
    'appclacks token delete --id 66f16f70-edd1-4948-8b85-a905a5602da4',
    'appclacks token delete --id 66f16f70',
    'appclacks token delete --expired',
    'appclacks token delete --expired --yes -o json',
  ],
  parse: ({ flags, globals }) => {
    const expired = flagBoolean(flags, 'expired');
    if (expired) {
      if (flagString(flags, 'id') !== undefined) throw new UsageError('--id and --expired exclude each other', { hint: 'pass one of them' });
      return { expired: true, yes: flagBoolean(flags, 'yes'), output: globals.output };
    }
    if (flagString(flags, 'id') === undefined) {
      throw new UsageError('required option --id <id> not given', { hint: 'pass --id ID, or --expired to delete every expired token' });
    }
    return { id: tokenIdFrom(flags), output: globals.output };
  },
  run: (options, deps) => ('expired' in options ? runDeleteExpired(options, deps) : run(options, deps)),
};

export async function run(options: TokenDeleteOptions, deps: CliDeps): Promise<void> {
  const id = await resolveTokenId(options.id, deps);
  const messages = await withTokenAuth(deps, (api, credentials) => api.deleteToken(credentials, id));
  printResult(deps, options.output, messagesJson(messages), () => messageLines(messages, `Token ${id} deleted`));
}
