// `appclacks audit list`: the organization's audit trail (an extension of
// appclacks server), newest first; `--follow` prints new events as they
// happen, oldest first, as `tail -f` does, until Ctrl+C.
import type { AuditEvent, AuditPageRequest } from '../../../api/schemas';
import type { AppclacksApi, TokenCredentials } from '../../../api/types';
import { UsageError } from '../../../errors';
import { terminalSafe } from '../../../text/terminal-text';
import { parseApiTime } from '../../../tokens';
import { flagBoolean, flagString, type CommandSpec, type OutputFormat } from '../../command';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';
import { renderJson } from '../../output/json';
import { renderTable } from '../../output/table';
import { durationFlag, extensionRequired } from '../token/lifecycle';

export interface AuditListOptions {
  output: OutputFormat;
  /** ms since the epoch. */
  since?: number;
  until?: number;
  kind?: string;
  token?: string;
  /** Without --follow: at most this many events (newest). */
  limit: number;
  follow: boolean;
  /** How often --follow asks; default FOLLOW_EVERY_MS. */
  followEveryMs?: number;
}

export const DEFAULT_LIMIT = 100;
export const FOLLOW_EVERY_MS = 2_000;
/**
 * --follow asks again from this long before the newest event it has seen:
 * an event another server instance stamped a moment earlier may commit
 * after a later one. Events already printed are skipped by ID.
 */
const FOLLOW_LOOKBACK_MS = 10_000;
const PAGE = 1000;

export const command: CommandSpec<AuditListOptions> = {
  path: ['audit', 'list'],
  summary: "List the organization's audit trail: token and account events (appclacks server extension)",
  options: [
    { flags: '--since <time>', description: 'only events from this long ago (24h, 7d) or this RFC 3339 time' },
    { flags: '--until <time>', description: 'only events before this long ago (1h) or this RFC 3339 time' },
    { flags: '--kind <kind>', description: 'only events of this kind, e.g. token.deleted, sign-in.failed' },
    { flags: '--token <id>', description: 'only events about this token (as subject or as a rotation’s new token)' },
    { flags: '--limit <n>', description: `at most this many events, the newest (default ${DEFAULT_LIMIT})` },
    { flags: '--follow', description: 'keep printing new events as they happen, until Ctrl+C' },
  ],
  notes: 'Needs a token with the * permission. With --follow, events print oldest first, one line each (-o json: one JSON object per line).',
  examples: ['appclacks audit list --since 24h', 'appclacks audit list --kind token.deleted -o json', 'appclacks audit list --token 5a06… --follow'],
  parse: ({ flags, globals }) => {
    const follow = flagBoolean(flags, 'follow');
    const until = timeFlag(flags, 'until', '--until');
    if (follow && until !== undefined) throw new UsageError('--follow and --until exclude each other', { hint: 'pass one of them' });
    const since = timeFlag(flags, 'since', '--since');
    const limitText = flagString(flags, 'limit');
    const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
    if (!/^\d{1,6}$/.test(limitText ?? '1') || limit < 1) throw new UsageError(`--limit must be a whole number from 1, not "${limitText}"`, { hint: 'e.g. --limit 500' });
    const kind = flagString(flags, 'kind');
    const token = flagString(flags, 'token');
    return {
      output: globals.output,
      limit,
      follow,
      ...(since !== undefined && { since }),
      ...(until !== undefined && { until }),
      ...(kind !== undefined && { kind }),
      ...(token !== undefined && { token }),
    };
  },
  run: (options, deps) => run(options, deps),
};

/** A duration back from now, or an RFC 3339 time; resolved to ms when parsed, against the deps' clock at run. */
function timeFlag(flags: Record<string, unknown>, key: string, flag: string): number | undefined {
  const raw = flagString(flags, key);
  if (raw === undefined) return undefined;
  if (/^\d{4}-\d\d-\d\dT/.test(raw)) {
    try {
      return parseApiTime(raw);
    } catch {
      throw new UsageError(`${flag}: "${raw}" is not an RFC 3339 time`, { hint: `e.g. ${flag} 2026-01-31T12:00:00Z or ${flag} 24h` });
    }
  }
  const duration = durationFlag(flags, key, flag, '24h')!;
  // Negative: "this long ago", made absolute by resolveTime.
  return -duration.ms;
}

function resolveTime(value: number | undefined, now: number): number | undefined {
  return value === undefined ? undefined : value < 0 ? now + value : value;
}

export const AUDIT_COLUMNS = ['Time', 'Kind', 'Actor', 'Token', 'Name', 'From', 'Detail'];

function cells(event: AuditEvent): string[] {
  const detail = [
    event['replacement-token-id'] ? `new ${event['replacement-token-id']}` : '',
    event['grace-ends-at'] ? `grace until ${event['grace-ends-at']}` : '',
    event.detail ? `on ${event.detail}` : '',
  ].filter(Boolean);
  return [event.time, event.kind, event.actor, event['token-id'] ?? '-', event['token-name'] ?? '-', event['client-address'] ?? '-', detail.join(', ')];
}

/** One line of --follow: the table's cells, two spaces apart, made safe for the terminal. */
function followLine(event: AuditEvent, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(event)}\n`;
  return `${cells(event).map(terminalSafe).join('  ').trimEnd()}\n`;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Aborted by the first Ctrl+C: --follow then ends as tail -f does, with exit status 0. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}

export async function run(options: AuditListOptions, deps: CliDeps, signal?: AbortSignal): Promise<void> {
  await withTokenAuth(deps, async (api, credentials) => {
    const now = deps.clock();
    const filters: AuditPageRequest = {
      ...(options.kind !== undefined && { kind: options.kind }),
      ...(options.token !== undefined && { token: options.token }),
    };
    const since = resolveTime(options.since, now);
    const until = resolveTime(options.until, now);
    if (since !== undefined) filters.since = since;
    if (until !== undefined) filters.until = until;
    const { events, more } = await newest(api, credentials, filters, options.limit);
    if (!options.follow) {
      if (more) deps.say(`the newest ${options.limit} events; pass --limit or --since for more`);
      deps.io.stdout.write(options.output === 'json' ? renderJson(events) : renderTable(AUDIT_COLUMNS, events.map(cells)));
      return;
    }
    await follow(api, credentials, filters, options, deps, events, signal ?? interruptSignal());
  });
}

async function newest(api: AppclacksApi, credentials: TokenCredentials, filters: AuditPageRequest, limit: number) {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  for (;;) {
    if (!api.listAuditEvents) throw new Error('this API client cannot read the audit trail');
    const answer = await api.listAuditEvents(credentials, { ...filters, limit: Math.min(PAGE, limit - events.length + 1), ...(cursor && { cursor }) });
    if (!answer.supported) throw extensionRequired(answer.host, 'audit', 'run it against an appclacks server with its extensions on');
    for (const event of answer.value.result) events.push(event);
    if (events.length > limit) return { events: events.slice(0, limit), more: true };
    if (answer.value.next === null) return { events, more: false };
    cursor = answer.value.next;
  }
}

async function follow(
  api: AppclacksApi,
  credentials: TokenCredentials,
  filters: AuditPageRequest,
  options: AuditListOptions,
  deps: CliDeps,
  initial: AuditEvent[],
  signal: AbortSignal,
): Promise<void> {
  const seen = new Map<string, number>();
  let newestAt = filters.since ?? deps.clock();
  const print = (events: AuditEvent[]) => {
    for (const event of [...events].reverse()) {
      if (seen.has(event.id)) continue;
      const at = parseApiTime(event.time);
      seen.set(event.id, at);
      newestAt = Math.max(newestAt, at);
      deps.io.stdout.write(followLine(event, options.output));
    }
    for (const [id, at] of seen) if (at < newestAt - FOLLOW_LOOKBACK_MS) seen.delete(id);
  };
  print(initial);
  while (!signal.aborted) {
    await pause(options.followEveryMs ?? FOLLOW_EVERY_MS, signal);
    if (signal.aborted) return;
    const { events } = await newest(api, credentials, { ...filters, since: Math.max(filters.since ?? 0, newestAt - FOLLOW_LOOKBACK_MS) }, PAGE * 10);
    print(events);
  }
}
