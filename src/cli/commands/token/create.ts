import { ALL, appliedLifetimeMs, DEFAULT_TTL, describeDuration, PERMISSIONS, parseTtl, shortLifetimeWarning, validatePermissions } from '../../../tokens';
import { UsageError } from '../../../errors';
import { hasUnsafeCharacter, looksBlank } from '../../../text/terminal-text';
import { flagList, flagString, type CommandSpec, type OutputFormat } from '../../command';
import { passwordCredentials } from '../../credentials';
import type { CliDeps } from '../../deps';
import { tokenJson } from '../../output/json';
import { printResult } from '../../output/print';
import { createdTokenTable } from '../../output/resources';

export interface TokenCreateOptions {
  name: string;
  description: string;
  /** Go duration syntax, as sent. */
  ttl: string;
  permissions: string[];
  output: OutputFormat;
}

export const command: CommandSpec<TokenCreateOptions> = {
  path: ['token', 'create'],
  summary: 'Create an API token (password auth); its secret is shown once',
  options: [
    { flags: '--name <name>', description: 'token name', mandatory: true },
    { flags: '--description <text>', description: 'what the token is for' },
    { flags: '--ttl <duration>', description: `lifetime: Go duration (72h, 30m, 1h30m) or days/weeks (7d, 2w); default ${DEFAULT_TTL}` },
    { flags: '--permission <name>', description: 'permission to grant, repeatable; default * (every call)', repeatable: true },
  ],
  notes: `Permissions:\n${PERMISSIONS.map((p) => `  ${p.name.padEnd(25)}${p.allows}`).join('\n')}`,
  examples: [
    'appclacks token create --name ci --ttl 720h --permission ListAPITokens --permission GetAPIToken',
    'appclacks token create --name admin --description "ops team"',
    'APPCLACKS_ACCOUNT_EMAIL=ada@example.com APPCLACKS_ACCOUNT_PASSWORD=... appclacks token create --name ci -o json',
  ],
  parse({ flags, globals }) {
    const name = flagString(flags, 'name') ?? '';
    // The server's rule for blank: invisible characters alone (U+3164, U+2800…) count as empty.
    if (looksBlank(name)) throw new UsageError('--name cannot be empty', { hint: 'e.g. --name ci' });
    const description = flagString(flags, 'description') ?? '';
    // Names and descriptions are shown in other people's terminals; our server refuses these too.
    for (const [flag, value] of [['--name', name], ['--description', description]] as const) {
      if (hasUnsafeCharacter(value)) {
        throw new UsageError(`${flag} contains a control character (newline, tab, escape…) or a bidirectional override`, { hint: `give ${flag} plain text on one line` });
      }
    }
    const ttl = parseTtl(flagString(flags, 'ttl') ?? DEFAULT_TTL);
    if (!ttl.ok) throw new UsageError(ttl.error, { hint: 'pass --ttl with a lifetime such as 72h' });
    const given = flagList(flags, 'permission');
    const permissions = validatePermissions(given.length === 0 ? [ALL] : given);
    if (!permissions.ok) throw new UsageError(permissions.error, { hint: 'see `appclacks token create --help` for the names' });
    return { name, description, ttl: ttl.value, permissions: permissions.value, output: globals.output };
  },
  run,
};

export async function run(options: TokenCreateOptions, deps: CliDeps): Promise<void> {
  // The wizard's rule and words: accepted, as the API accepts it, but said before it is spent.
  const ttl = parseTtl(options.ttl);
  const short = ttl.ok ? shortLifetimeWarning(ttl.ms) : undefined;
  if (ttl.ok && short) deps.warn(`--ttl ${options.ttl} is ${describeDuration(appliedLifetimeMs(ttl.ms))}, ${short}`);
  const account = await passwordCredentials(deps);
  const api = await deps.api();
  const token = await api.createToken(account, {
    name: options.name,
    description: options.description,
    ttl: options.ttl,
    permissions: { actions: options.permissions },
  });
  printResult(deps, options.output, tokenJson(token, { withSecret: true }), () => createdTokenTable(token, deps.clock()));
  deps.say('Copy the token now: it will not be shown again.');
}
