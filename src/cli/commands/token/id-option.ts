import type { APIToken } from '../../../api/schemas';
import { AppError, UsageError } from '../../../errors';
import { terminalSafe } from '../../../text/terminal-text';
import { flagString, type OptionSpec } from '../../command';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';

/** The short ID the UI shows; like git and docker, a unique prefix at least this long names a token. */
export const SHORT_ID_LENGTH = 8;

export const ID_OPTION: OptionSpec = {
  flags: '--id <id>',
  description: `token ID, or a unique prefix of at least ${SHORT_ID_LENGTH} characters (the short ID the UI shows; see \`appclacks token list\`)`,
  mandatory: true,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How many matching tokens an ambiguous prefix names before "and N more". */
const MATCHES_SHOWN = 5;

export function tokenIdFrom(flags: Record<string, unknown>): string {
  const id = (flagString(flags, 'id') ?? '').trim();
  if (id === '') throw new UsageError('--id cannot be empty', { hint: '`appclacks token list` shows the IDs' });
  if (!UUID.test(id) && id.length < SHORT_ID_LENGTH) {
    throw new UsageError(`--id ${JSON.stringify(terminalSafe(id))} is too short to name one token`, {
      hint: `give the whole ID or at least its first ${SHORT_ID_LENGTH} characters (\`appclacks token list\` shows them)`,
    });
  }
  return id;
}

/**
 * The whole ID for `--id`: a full ID as given (no extra call), a prefix
 * through the list of tokens (token auth, ListAPITokens). An unknown prefix
 * is a not-found error; an ambiguous one names the tokens it matches.
 */
export async function resolveTokenId(given: string, deps: CliDeps): Promise<string> {
  if (UUID.test(given)) return given;
  const tokens = await withTokenAuth(deps, (api, credentials) => api.listTokens(credentials));
  return matchTokenId(given, tokens);
}

export function matchTokenId(given: string, tokens: readonly Pick<APIToken, 'id' | 'name'>[]): string {
  const prefix = given.toLowerCase();
  const matches = tokens.filter((token) => token.id.toLowerCase().startsWith(prefix));
  const shown = JSON.stringify(terminalSafe(given));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) {
    throw new AppError('not-found', `no token ID starts with ${shown}`, { hint: '`appclacks token list` shows the IDs' });
  }
  const named = matches.slice(0, MATCHES_SHOWN).map((token) => `${token.id} (${terminalSafe(token.name)})`);
  const more = matches.length > MATCHES_SHOWN ? ` and ${matches.length - MATCHES_SHOWN} more` : '';
  throw new UsageError(`--id ${shown} matches ${matches.length} tokens: ${named.join(', ')}${more}`, { hint: 'give more of the ID, or the whole ID' });
}
