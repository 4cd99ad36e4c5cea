// `profile check`: does each profile's token still authenticate, when does it
// expire, when was it last used. Made for cron and CI: the exit code says
// whether anything needs a person (README, "profile check").
import type { APIToken } from '../../../api/schemas';
import type { AppclacksApi } from '../../../api/types';
import { describeProfileProblems, profileNotFoundIn } from '../../../config/context';
import type { Profile } from '../../../config';
import { ApiError, UsageError } from '../../../errors';
import { parseApiTime } from '../../../tokens';
import { flagBoolean, flagString, type CommandSpec, type OutputFormat } from '../../command';
import type { CliDeps } from '../../deps';
import { printResult } from '../../output/print';
import { formatList, renderTable } from '../../output/table';
import { formatExpiresAt } from '../../output/time';
import { durationFlag, formatLastUsed, lacksExtension } from '../token/lifecycle';
import { mapBounded } from '../../../flows/bounded';

/** Exit codes of `profile check`; README documents them. */
export const CHECK_EXIT = { ok: 0, failed: 1, expiring: 3 } as const;

/** Profiles checked at once: enough to hide latency, few enough not to look like a flood. */
export const CHECK_CONCURRENCY = 4;

const DEFAULT_WARN = '7d';

export type CheckStatus = 'ok' | 'expiring' | 'expired' | 'refused' | 'unreachable' | 'incomplete';
const FAILING: ReadonlySet<CheckStatus> = new Set(['expired', 'refused', 'unreachable', 'incomplete']);

/** One profile's row; also the JSON shape (README). Unknown values are null. */
export interface ProfileCheck {
  profile: string;
  status: CheckStatus;
  'token-id': string | null;
  'token-name': string | null;
  'expires-at': string | null;
  /** null: never used, or unknown (see `extensions`). */
  'last-used-at': string | null;
  permissions: string[] | null;
  /** Why the status is not ok, in one line; null when ok. */
  detail: string | null;
}

export interface ProfileCheckOptions {
  names: string[];
  all: boolean;
  warnMs: number;
  warn: string;
  output: OutputFormat;
}

export const command: CommandSpec<ProfileCheckOptions> = {
  path: ['profile', 'check'],
  summary: "Check profiles' tokens: do they authenticate, when do they expire, when were they last used",
  arguments: [{ name: 'names...', optional: true, description: 'profiles to check (default: the selected one)', complete: 'profiles' }],
  options: [
    { flags: '--all', description: 'check every profile of the config file' },
    { flags: '--warn <duration>', description: `flag tokens that expire within this time (default ${DEFAULT_WARN})` },
  ],
  notes:
    'STATUS: ok, expiring (within --warn), expired, refused (unknown, deleted or another organization\'s token), unreachable (the endpoint did not answer), incomplete (the profile lacks a value).\n' +
    `Exit codes: ${CHECK_EXIT.ok} all ok; ${CHECK_EXIT.expiring} some expiring within --warn, none failing; ${CHECK_EXIT.failed} any expired, refused, unreachable or incomplete (or the check itself failed); 2 bad usage.\n` +
    'Profiles are checked as stored in the file: APPCLACKS_TOKEN and APPCLACKS_ORGANIZATION_ID do not apply.',
  examples: ['appclacks profile check', 'appclacks profile check --all --warn 14d', 'appclacks profile check work ci -o json'],
  parse({ args, flags, globals }) {
    const all = flagBoolean(flags, 'all');
    if (all && args.length > 0) throw new UsageError('--all and profile names exclude each other', { hint: 'pass names, or --all' });
    const warn = durationFlag(flags, 'warn', '--warn', '7d') ?? { text: DEFAULT_WARN, ms: 7 * 24 * 3_600_000 };
    // The detail column repeats --warn as the user wrote it (7d, not 168h).
    return { names: [...args], all, warnMs: warn.ms, warn: flagString(flags, 'warn') ?? DEFAULT_WARN, output: globals.output };
  },
  run,
};

/** Runs `work` over `items`, at most `limit` at a time, keeping the order. */
function statusOfFailure(error: unknown): { status: CheckStatus; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.kind === 'auth') {
    return { status: error.messages.some((m) => /\bexpired\b/i.test(m)) ? 'expired' : 'refused', detail };
  }
  if (error instanceof ApiError && error.kind === 'permission') return { status: 'ok', detail };
  return { status: 'unreachable', detail };
}

const blank = (profile: string, status: CheckStatus, detail: string | null): ProfileCheck => ({
  profile,
  status,
  'token-id': null,
  'token-name': null,
  'expires-at': null,
  'last-used-at': null,
  permissions: null,
  detail,
});

function fromToken(profile: string, token: APIToken, options: ProfileCheckOptions, nowMs: number): ProfileCheck {
  let status: CheckStatus = 'ok';
  let detail: string | null = null;
  try {
    const left = parseApiTime(token['expires-at']) - nowMs;
    if (left <= 0) [status, detail] = ['expired', 'the token has expired'];
    else if (left <= options.warnMs) [status, detail] = ['expiring', `expires within ${options.warn}`];
  } catch {
    detail = 'the server sent an unreadable expiry';
  }
  return {
    profile,
    status,
    'token-id': token.id,
    'token-name': token.name,
    'expires-at': token['expires-at'],
    'last-used-at': token['last-used-at'] ?? null,
    permissions: [...token.permissions.actions],
    detail,
  };
}

async function checkProfile(profile: Profile, api: AppclacksApi, options: ProfileCheckOptions, deps: CliDeps, lacking: Set<string>): Promise<ProfileCheck> {
  if (profile.problems !== undefined) return blank(profile.name, 'incomplete', describeProfileProblems(profile.problems));
  const credentials = { organizationId: profile.organizationId, token: profile.apiToken };
  try {
    const current = await api.getCurrentToken(credentials);
    if (current.supported) return fromToken(profile.name, current.value, options, deps.clock());
    // Fallback: whether the token authenticates, through an official route. A
    // 403 (no GetOrganization) still proves it did; expiry stays unknown.
    lacking.add(lacksExtension(current.host, current.extension, 'expiry and last use unknown, only whether tokens authenticate'));
    await api.getOrganizationByToken(credentials).catch((error: unknown) => {
      if (!(error instanceof ApiError && error.kind === 'permission')) throw error;
    });
    return blank(profile.name, 'ok', null);
  } catch (error) {
    const { status, detail } = statusOfFailure(error);
    return blank(profile.name, status, detail);
  }
}

function selectProfiles(options: ProfileCheckOptions, ctx: Awaited<ReturnType<CliDeps['context']>>): Profile[] {
  const profiles = ctx.data.profiles;
  if (options.all) {
    if (profiles.length === 0) throw new UsageError('the config file has no profiles', { hint: 'run `appclacks login` to add one' });
    return [...profiles];
  }
  const names = options.names.length > 0 ? options.names : ctx.profileName ? [ctx.profileName.value] : [];
  if (names.length === 0) throw new UsageError('no profile selected', { hint: 'name profiles, pass --all, or select one with --profile' });
  return [...new Set(names)].map((name) => {
    const profile = profiles.find((p) => p.name === name);
    if (profile === undefined) throw profileNotFoundIn(ctx, name);
    return profile;
  });
}

export async function run(options: ProfileCheckOptions, deps: CliDeps): Promise<number> {
  const ctx = await deps.context();
  const profiles = selectProfiles(options, ctx);
  const api = await deps.api();
  const lacking = new Set<string>();
  const checks = await mapBounded(profiles, CHECK_CONCURRENCY, (profile) => checkProfile(profile, api, options, deps, lacking));
  const now = deps.clock();
  printResult(deps, options.output, { profiles: checks }, () =>
    renderTable(
      ['PROFILE', 'STATUS', 'EXPIRES AT', 'LAST USED', 'PERMISSIONS', 'DETAIL'],
      checks.map((c) => [
        c.profile,
        c.status,
        c['expires-at'] === null ? '-' : formatExpiresAt(c['expires-at'], now),
        c['token-id'] === null ? '-' : formatLastUsed(c['last-used-at'], now),
        c.permissions === null ? '-' : formatList(c.permissions),
        c.detail ?? '',
      ]),
    ),
  );
  for (const line of lacking) deps.warn(line);
  if (checks.some((c) => FAILING.has(c.status))) return CHECK_EXIT.failed;
  if (checks.some((c) => c.status === 'expiring')) return CHECK_EXIT.expiring;
  return CHECK_EXIT.ok;
}
