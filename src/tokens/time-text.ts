// Times and lifetimes in words for people: list columns, details, the
// wizard. Display only; the wire syntax and its parser are in ttl.ts.
import { MS } from './ttl';

/** A short, rounded-down span for people: `45s`, `12m`, `3h`, `41d`, `120y`. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 365 * MS.d) return `${Math.floor(abs / (365 * MS.d))}y`;
  if (abs >= MS.d) return `${Math.floor(abs / MS.d)}d`;
  if (abs >= MS.h) return `${Math.floor(abs / MS.h)}h`;
  if (abs >= MS.m) return `${Math.floor(abs / MS.m)}m`;
  return `${Math.floor(abs / MS.s)}s`;
}

/** `in 3h` or `2d ago`. */
export function formatRelative(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  return diff >= 0 ? `in ${formatSpan(diff)}` : `${formatSpan(diff)} ago`;
}

/** `in 3h` for a live token, `expired 2d ago` for a dead one. */
export function formatExpiry(expiresAtMs: number, nowMs: number): string {
  const diff = expiresAtMs - nowMs;
  return diff > 0 ? `in ${formatSpan(diff)}` : `expired ${formatSpan(diff)} ago`;
}

/** A lifetime in words for the wizard: `72h` → `3 days`, `90m` → `1 hour 30 minutes`. */
export function describeDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / MS.s) * MS.s;
  const units: Array<[number, string]> = [
    [365 * MS.d, 'year'],
    [MS.d, 'day'],
    [MS.h, 'hour'],
    [MS.m, 'minute'],
    [MS.s, 'second'],
  ];
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    }
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : 'less than a second';
}
