// What the token-lifecycle commands share: durations from flags, the line
// that says an endpoint lacks an extension, and how times read in tables.
import type { ExtensionName } from '../../../api/types';
import { AppError, UsageError } from '../../../errors';
import { formatSpan, parseApiTime, parseTtl } from '../../../tokens';
import { flagString } from '../../command';

/** A lifetime flag (`--ttl`, `--grace`, `--warn`, `--expiring`) in the CLI's syntax (7d, 2w, 72h), as Go syntax and ms. */
export function durationFlag(flags: Record<string, unknown>, key: string, flag: string, example: string): { text: string; ms: number } | undefined {
  const raw = flagString(flags, key);
  if (raw === undefined) return undefined;
  const parsed = parseTtl(raw);
  if (!parsed.ok) throw new UsageError(`${flag}: ${parsed.error}`, { hint: `e.g. ${flag} ${example}` });
  return { text: parsed.value, ms: parsed.ms };
}

const EXTENSION_WHAT: Readonly<Record<ExtensionName, string>> = {
  'token-current': 'GET /api/v1/token/current',
  'token-rotate': 'token rotation (POST /app/v1/token/{id}/rotate)',
  audit: 'the audit trail (GET /api/v1/audit)',
};

/** One line: the endpoint lacks an extension of `appclacks server`, and what that costs. */
export function lacksExtension(host: string, extension: ExtensionName, consequence: string): string {
  return `${host} lacks ${EXTENSION_WHAT[extension]}, an extension of appclacks server: ${consequence}`;
}

/** The error for a command that cannot work without an extension. */
export function extensionRequired(host: string, extension: ExtensionName, instead: string): AppError {
  return new AppError('not-found', lacksExtension(host, extension, 'this command cannot work there'), { hint: instead });
}

/** `2026-12-01 13:07:28 UTC (3m ago)`; `never` when the server says so; `-` when it does not say (an official server). */
export function formatLastUsed(value: string | null | undefined, nowMs: number): string {
  if (value === undefined) return '-';
  if (value === null) return 'never';
  let ms: number;
  try {
    ms = parseApiTime(value);
  } catch {
    return value;
  }
  // A server clock a little ahead would read "in 0s": a use is always in the past.
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC (${formatSpan(Math.max(0, nowMs - ms))} ago)`;
}

/** `2026-12-01 13:07:28 UTC`, the readable form tables use for an API time. */
export function readableTime(value: string): string {
  try {
    return `${new Date(parseApiTime(value)).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  } catch {
    return value;
  }
}
