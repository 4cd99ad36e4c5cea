// Short forms of values for the views. Fitting text into cells lives in
// src/text/terminal-width.ts (the layout rules in src/state use it too).
import { cell, displayWidth, fit } from '../text/terminal-width';
import { ALL, formatExpiry, formatSpan, parseApiTime, sortPermissions } from '../tokens';

export { cell, fit, fitEnd, fitMiddle, wrapText } from '../text/terminal-width';

export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function shortOrg(id: string): string {
  return id.length > 9 ? `${id.slice(0, 8)}…` : id;
}

export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export function permissionSummary(actions: readonly string[]): string {
  if (actions.includes(ALL)) return 'all (*)';
  const sorted = sortPermissions(actions);
  if (sorted.length === 0) return 'none';
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} +${sorted.length - 1}`;
}

/**
 * The summary in `width` cells, its `+N` kept: the count says the token can
 * do more than the name shown, so a cut takes the name's end instead.
 */
export function permissionCell(summary: string, width: number): string {
  const count = / \+\d+$/.exec(summary)?.[0];
  if (!count || displayWidth(summary) <= width || width < count.length + 2) return cell(summary, width);
  return cell(fit(summary.slice(0, -count.length), width - count.length) + count, width);
}

export function expiryText(expiresAtMs: number, nowMs: number): string {
  return formatExpiry(expiresAtMs, nowMs);
}

/** `2026-11-28 13:14 UTC`: absolute times in UTC, as the API sends them. */
export function absoluteTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/** Where a window of `viewport` rows starts so that `cursor` is inside it. */
export function windowStart(cursor: number, count: number, viewport: number): number {
  if (count <= viewport) return 0;
  return Math.min(Math.max(0, cursor - Math.floor(viewport / 2)), count - viewport);
}

export const NEVER_USED = 'never used';

/**
 * `used 3h ago`, `used <1m ago` or `never used`, from a token's `last-used-at`; undefined when
 * the server does not send the field (an official server): unknown is not never.
 */
export function lastUseText(value: string | null | undefined, nowMs: number): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return NEVER_USED;
  let ms: number;
  try {
    ms = parseApiTime(value);
  } catch {
    return undefined;
  }
  return lastUseTextAt(ms, nowMs);
}

/** lastUseText for a time already parsed (milliseconds since the epoch). */
export function lastUseTextAt(ms: number, nowMs: number): string {
  // The server records a use to the minute, so seconds would only make the
  // line flicker; and a server clock a little ahead must not read "in 0s".
  const ago = nowMs - ms;
  return ago < 60_000 ? 'used <1m ago' : `used ${formatSpan(ago)} ago`;
}
