import type { APIToken } from '../../../api/schemas';
import { UsageError } from '../../../errors';
import { formatSpan, parseApiTime } from '../../../tokens';
import { flagBoolean, type CommandSpec, type OutputFormat } from '../../command';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';
import { tokenListJson } from '../../output/json';
import { printResult } from '../../output/print';
import { tokenTable } from '../../output/resources';
import { durationFlag, formatLastUsed } from './lifecycle';

export interface TokenListOptions {
  output: OutputFormat;
  /** Only tokens already expired. */
  expired?: boolean;
  /** Only live tokens expiring within this many ms. */
  expiringWithinMs?: number;
}

export const command: CommandSpec<TokenListOptions> = {
  path: ['token', 'list'],
  summary: "List the organization's API tokens",
  options: [
    { flags: '--expired', description: 'only tokens that have expired' },
    { flags: '--expiring <duration>', description: 'only live tokens that expire within this time (24h, 7d)' },
  ],
  notes: 'LAST USED (after the official columns) shows when a token last authenticated, to the minute; an appclacks server sends it, other servers leave the column out.',
  examples: ['appclacks token list', 'appclacks token list -p work -o json', 'appclacks token list --expiring 7d', 'appclacks token list --expired'],
  parse: ({ flags, globals }) => {
    const expired = flagBoolean(flags, 'expired');
    const expiring = durationFlag(flags, 'expiring', '--expiring', '7d');
    if (expired && expiring) throw new UsageError('--expired and --expiring exclude each other', { hint: 'pass one of them' });
    return { output: globals.output, ...(expired && { expired }), ...(expiring && { expiringWithinMs: expiring.ms }) };
  },
  run,
};

/** The tokens the filters keep; times the client cannot read are kept, not guessed. */
export function filterTokens(tokens: readonly APIToken[], options: TokenListOptions, nowMs: number): APIToken[] {
  if (!options.expired && options.expiringWithinMs === undefined) return [...tokens];
  return tokens.filter((token) => {
    let expiresAt: number;
    try {
      expiresAt = parseApiTime(token['expires-at']);
    } catch {
      return true;
    }
    if (options.expired) return expiresAt <= nowMs;
    return expiresAt > nowMs && expiresAt - nowMs <= options.expiringWithinMs!;
  });
}

function noTokensText(options: TokenListOptions): string {
  if (options.expired) return 'no expired tokens';
  if (options.expiringWithinMs !== undefined) return `no tokens expire within ${formatSpan(options.expiringWithinMs)}`;
  return 'no tokens';
}

export async function run(options: TokenListOptions, deps: CliDeps): Promise<void> {
  const listed = await withTokenAuth(deps, (api, credentials) => api.listTokens(credentials));
  const now = deps.clock();
  const tokens = filterTokens(listed, options, now);
  // Only servers with the extension send last-used-at: elsewhere the table stays the official one.
  const lastUsed = listed.some((token) => 'last-used-at' in token);
  if (tokens.length === 0 && options.output === 'table') {
    // Bare headers say nothing to a person and are noise to a script: as gh does, a word on
    // stderr for a terminal, nothing for a pipe (`-o json` still prints the API object).
    if (deps.io.stdoutIsTTY) deps.say(noTokensText(options));
    return;
  }
  printResult(deps, options.output, tokenListJson(tokens), () =>
    tokenTable(tokens, now, lastUsed ? [{ header: 'Last used', cell: (token) => formatLastUsed(token['last-used-at'], now) }] : [], deps.io.stdoutColumns),
  );
}
