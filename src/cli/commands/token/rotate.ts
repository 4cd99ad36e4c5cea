import type { RotateTokenRequest } from '../../../api/schemas';
import type { CommandSpec, OutputFormat } from '../../command';
import { passwordCredentials } from '../../credentials';
import type { CliDeps } from '../../deps';
import { tokenJson } from '../../output/json';
import { printResult } from '../../output/print';
import { createdTokenTable } from '../../output/resources';
import { ID_OPTION, resolveTokenId, tokenIdFrom } from './id-option';
import { durationFlag, extensionRequired, readableTime } from './lifecycle';

export interface TokenRotateOptions {
  id: string;
  /** Go syntax; the old token's TTL when omitted. */
  ttl?: string;
  /** Go syntax; without it the old token is deleted at once. */
  grace?: string;
  output: OutputFormat;
}

export const command: CommandSpec<TokenRotateOptions> = {
  path: ['token', 'rotate'],
  summary: 'Replace an API token with a new one of the same name and permissions (password auth); its secret is shown once',
  options: [
    ID_OPTION,
    { flags: '--ttl <duration>', description: "the new token's lifetime (72h, 7d, 2w); default: the old token's TTL" },
    { flags: '--grace <duration>', description: 'keep the old token valid this long (10m, 1h) so running jobs can switch; default: delete it at once' },
  ],
  notes:
    'Needs an appclacks server: rotation is one of its extensions to the Appclacks API.\n' +
    'The new token and the end of the old one are one transaction on the server: never two live tokens unless --grace asks for it, never none.\n' +
    'To rotate the token of a profile and save the new one in it, use `appclacks profile rotate`.',
  examples: [
    'appclacks token rotate --id 66f16f70-edd1-4948-8b85-a905a5602da4',
    'appclacks token rotate --id 66f16f70-edd1-4948-8b85-a905a5602da4 --grace 10m --ttl 30d',
    'appclacks token rotate --id 66f16f70-edd1-4948-8b85-a905a5602da4 -o json',
  ],
  parse({ flags, globals }) {
    const ttl = durationFlag(flags, 'ttl', '--ttl', '720h');
    const grace = durationFlag(flags, 'grace', '--grace', '10m');
    return {
      id: tokenIdFrom(flags),
      ...(ttl && { ttl: ttl.text }),
      ...(grace && { grace: grace.text }),
      output: globals.output,
    };
  },
  run,
};

export function rotateRequest(options: { ttl?: string; grace?: string }): RotateTokenRequest {
  return { ...(options.ttl !== undefined && { ttl: options.ttl }), ...(options.grace !== undefined && { grace: options.grace }) };
}

export async function run(options: TokenRotateOptions, deps: CliDeps): Promise<void> {
  // A prefix is resolved first, with the token credentials: rotating takes the account's.
  const id = await resolveTokenId(options.id, deps);
  const account = await passwordCredentials(deps);
  const api = await deps.api();
  const answer = await api.rotateToken(account, id, rotateRequest(options));
  if (!answer.supported) {
    throw extensionRequired(answer.host, answer.extension, 'create a new token with `appclacks token create`, then delete the old one with `appclacks token delete`');
  }
  const rotated = answer.value;
  printResult(deps, options.output, tokenJson(rotated, { withSecret: true }), () => createdTokenTable(rotated, deps.clock()));
  deps.say('Copy the token now: it will not be shown again.');
  const previous = rotated.previous['expires-at'];
  deps.say(previous === null ? `The old token ${rotated.previous.id} is deleted.` : `The old token ${rotated.previous.id} stays valid until ${readableTime(previous)}.`);
}
