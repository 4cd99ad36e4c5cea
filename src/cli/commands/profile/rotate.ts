// `profile rotate`: replace the token a profile uses without a moment where
// the user holds no working credential and not the new secret either. The
// order is what makes that true:
//   1. ask the server which token the profile holds (token/current)
//   2. rotate it WITH a grace period: the old token keeps working
//   3. write the new secret into the profile (atomic: the file is old or new)
//   4. verify the new token authenticates as the new token
//   5. end the grace: delete the old token
// A failure at 3 prints the new secret; at 4 puts the old secret back and
// prints the new one; at 5 only means the old token lives until its grace ends.
import type { RotatedToken } from '../../../api/schemas';
import type { AppclacksApi, TokenCredentials } from '../../../api/types';
import { describeProfileProblems, profileNotFoundIn, repairProfileHint } from '../../../config/context';
import type { Profile } from '../../../config';
import { ApiError, UsageError } from '../../../errors';
import type { CommandSpec, OutputFormat } from '../../command';
import { passwordCredentials } from '../../credentials';
import type { CliDeps } from '../../deps';
import { renderJson, tokenJson } from '../../output/json';
import { createdTokenTable } from '../../output/resources';
import { formatExpiresAt } from '../../output/time';
import { durationFlag, extensionRequired, readableTime } from '../token/lifecycle';
import { assertProfileName } from '../../../config/profile-name';

export const DEFAULT_GRACE = '10m';

export interface ProfileRotateOptions {
  name?: string;
  /** Go syntax. */
  grace: string;
  ttl?: string;
  output: OutputFormat;
}

export const command: CommandSpec<ProfileRotateOptions> = {
  path: ['profile', 'rotate'],
  summary: "Replace a profile's API token with a new one and save it in the profile (password auth)",
  arguments: [{ name: 'name', optional: true, description: 'profile (default: the selected one)', complete: 'profiles' }],
  options: [
    { flags: '--grace <duration>', description: `how long the old token keeps working while this runs (default ${DEFAULT_GRACE})` },
    { flags: '--ttl <duration>', description: "the new token's lifetime (72h, 30d); default: the old token's TTL" },
  ],
  notes:
    'Needs an appclacks server (token/current and rotation are its extensions).\n' +
    'Steps: find the profile\'s token, rotate it with a grace period, save the new token in the profile, verify it, then delete the old one.\n' +
    'If saving fails, the new token is printed (once) to put in place by hand; if verifying fails, the profile gets its old token back and the new one is printed;\n' +
    'if deleting the old token fails (the token lacks DeleteAPIToken, say), it expires by itself when the grace period ends.\n' +
    'Exit 0 when the profile holds a verified new token; 1 otherwise.',
  examples: ['appclacks profile rotate', 'appclacks profile rotate ci --grace 1h --ttl 30d', 'APPCLACKS_ACCOUNT_EMAIL=ada@example.com APPCLACKS_ACCOUNT_PASSWORD=... appclacks profile rotate work'],
  parse({ args, flags, globals }) {
    const name = args[0];
    if (name !== undefined) assertProfileName(name);
    const grace = durationFlag(flags, 'grace', '--grace', '10m');
    const ttl = durationFlag(flags, 'ttl', '--ttl', '720h');
    return {
      ...(name !== undefined && { name }),
      grace: grace?.text ?? DEFAULT_GRACE,
      ...(ttl && { ttl: ttl.text }),
      output: globals.output,
    };
  },
  run,
};

function selectedProfile(options: ProfileRotateOptions, ctx: Awaited<ReturnType<CliDeps['context']>>): Profile {
  const name = options.name ?? ctx.profileName?.value;
  if (name === undefined) throw new UsageError('no profile selected', { hint: 'name one: appclacks profile rotate NAME' });
  const profile = ctx.data.profiles.find((p) => p.name === name);
  if (profile === undefined) throw profileNotFoundIn(ctx, name);
  if (profile.problems !== undefined) {
    throw new UsageError(`profile ${name} is incomplete (${describeProfileProblems(profile.problems)}): it has no token to rotate`, { hint: repairProfileHint(name) });
  }
  return profile;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The new secret, once, where the user can take it: the API object for -o json, the create table otherwise. */
function handOver(rotated: RotatedToken, options: ProfileRotateOptions, deps: CliDeps): void {
  deps.io.stdout.write(options.output === 'json' ? renderJson(tokenJson(rotated, { withSecret: true })) : createdTokenTable(rotated, deps.clock()));
}

async function whichToken(api: AppclacksApi, credentials: TokenCredentials, profile: Profile) {
  try {
    return await api.getCurrentToken(credentials);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'auth') {
      throw new ApiError('auth', error.message, {
        host: error.host,
        messages: error.messages,
        hint: `the token of profile ${profile.name} no longer authenticates: nothing to rotate; run \`appclacks login --profile-name ${profile.name} --force\``,
        ...(error.status !== undefined && { status: error.status }),
      });
    }
    throw error;
  }
}

export async function run(options: ProfileRotateOptions, deps: CliDeps): Promise<number> {
  const ctx = await deps.context();
  const profile = selectedProfile(options, ctx);
  const oldCredentials = { organizationId: profile.organizationId, token: profile.apiToken };
  const instead = `run \`appclacks login --profile-name ${profile.name} --force\` for a new token, then delete the old one with \`appclacks token delete\``;
  const api = await deps.api();

  // 1. Which token: exact, not guessed from its name.
  const current = await whichToken(api, oldCredentials, profile);
  if (!current.supported) throw extensionRequired(current.host, current.extension, instead);
  const oldId = current.value.id;

  // 2. Rotate with a grace period. A failure here changed nothing.
  const account = await passwordCredentials(deps);
  const answer = await api.rotateToken(account, oldId, { grace: options.grace, ...(options.ttl !== undefined && { ttl: options.ttl }) });
  if (!answer.supported) throw extensionRequired(answer.host, answer.extension, instead);
  const rotated = answer.value;
  const graceEnd = rotated.previous['expires-at'];
  const oldLives = graceEnd === null ? `the old token ${oldId} is already gone` : `the old token ${oldId} stays valid until ${readableTime(graceEnd)}`;

  // 3. Save it. The store writes atomically: the file holds the old token or the new, never half.
  const store = await deps.configStore();
  const save = (token: string) => store.upsertProfile({ name: profile.name, organizationId: profile.organizationId, apiToken: token });
  try {
    await save(rotated.token);
  } catch (error) {
    handOver(rotated, options, deps);
    deps.warn(`rotated, but could not save the new token in profile ${profile.name}: ${reasonOf(error)}`);
    deps.say(`Copy the new token above now (it will not be shown again) and put it in profile ${profile.name} as api-token; ${oldLives}.`);
    return 1;
  }

  // 4. Verify: the saved token authenticates, and as the new token.
  const newCredentials = { organizationId: profile.organizationId, token: rotated.token };
  let problem: string | undefined;
  try {
    const who = await api.getCurrentToken(newCredentials);
    if (who.supported && who.value.id !== rotated.id) problem = `it authenticated as token ${who.value.id}`;
  } catch (error) {
    problem = reasonOf(error);
  }
  if (problem !== undefined) {
    let restored = true;
    try {
      await save(profile.apiToken);
    } catch {
      restored = false;
    }
    handOver(rotated, options, deps);
    deps.warn(`could not verify the new token ${rotated.id}: ${problem}`);
    deps.say(
      restored
        ? `Profile ${profile.name} keeps its old token: ${oldLives}. The new token is above (shown once) if you want it; check with \`appclacks profile check ${profile.name}\`.`
        : `Profile ${profile.name} holds the new token (putting the old one back failed too); ${oldLives}.`,
    );
    return 1;
  }

  // 5. End the grace. Failing here leaves a working profile: the old token ends by itself.
  let oldDeleted = graceEnd === null;
  if (!oldDeleted) {
    try {
      await api.deleteToken(newCredentials, oldId);
      oldDeleted = true;
    } catch (error) {
      deps.warn(`could not delete the old token ${oldId} (${reasonOf(error)}): it expires by itself at ${readableTime(graceEnd!)}`);
    }
  }

  const { token: _secret, ...withoutSecret } = rotated;
  if (options.output === 'json') {
    deps.io.stdout.write(renderJson({ profile: profile.name, token: withoutSecret, 'previous-deleted': oldDeleted }));
  }
  deps.say(`Profile ${profile.name} now uses token ${rotated.id} (${rotated.name}), expiring ${formatExpiresAt(rotated['expires-at'], deps.clock())}.`);
  if (oldDeleted) deps.say(`The old token ${oldId} is deleted.`);
  return 0;
}
