// Times and lifetimes in words for people: list columns, details, the
// wizard. Display only; the wire syntax and its parser are in ttl.ts.
import { MS } from './ttl';

const YEAR = 365 * MS.d;

/**
 * How a span reads at each size: the unit it is rounded to, up to where the
 * next tier takes over, and the two units it is shown in. A second unit is
 * shown where one alone would hide a lot (`1d17h` rather than `1d`, which
 * would cover 24 to 47 hours), as k9s shows ages.
 */
const SPAN_TIERS: ReadonlyArray<{ below: number; step: number; units: readonly [number, string][] }> = [
  { below: MS.m, step: MS.s, units: [[MS.s, 's']] },
  { below: 10 * MS.m, step: MS.s, units: [[MS.m, 'm'], [MS.s, 's']] },
  { below: MS.h, step: MS.m, units: [[MS.m, 'm']] },
  { below: 8 * MS.h, step: MS.m, units: [[MS.h, 'h'], [MS.m, 'm']] },
  { below: MS.d, step: MS.h, units: [[MS.h, 'h']] },
  { below: 8 * MS.d, step: MS.h, units: [[MS.d, 'd'], [MS.h, 'h']] },
  { below: 2 * YEAR, step: MS.d, units: [[MS.d, 'd']] },
  { below: 8 * YEAR, step: MS.d, units: [[YEAR, 'y'], [MS.d, 'd']] },
  { below: Infinity, step: YEAR, units: [[YEAR, 'y']] },
];

/**
 * A short span for people, rounded to the nearest unit shown: `45s`, `4m30s`,
 * `12m`, `3h20m`, `10h`, `1d17h`, `41d`, `2y30d`, `120y`. A token made for
 * `10h` reads `10h` a second later, not `9h`. The sign is dropped: the caller
 * words the direction (`in`, `ago`).
 */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  for (const { below, step, units } of SPAN_TIERS) {
    // The tier is chosen on the rounded value, so 59.6s reads `1m`, not `60s`.
    const rounded = Math.round(abs / step) * step;
    if (rounded >= below) continue;
    const [[bigSize, bigUnit], small] = units as [[number, string], [number, string]?];
    const big = Math.floor(rounded / bigSize);
    if (!small) return `${big}${bigUnit}`;
    const rest = Math.round((rounded - big * bigSize) / small[0]);
    return rest === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${rest}${small[1]}`;
  }
  return `${Math.round(abs / YEAR)}y`;
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

/**
 * A lifetime in words, in two units at most: `72h` → `3 days`, `90m` → `1 hour
 * 30 minutes`, `1.5s` → `1 second 500 milliseconds`. Milliseconds are said
 * rather than rounded into a second, since that is how long a token lives
 * (appliedLifetimeMs in ttl.ts): `500ms` is not `1 second`.
 */
export function describeDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms);
  const units: Array<[number, string]> = [
    [YEAR, 'year'],
    [MS.d, 'day'],
    [MS.h, 'hour'],
    [MS.m, 'minute'],
    [MS.s, 'second'],
    [MS.ms, 'millisecond'],
  ];
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    }
    // Two units from the first one said: `1 hour 5 seconds` would read as precise and is not.
    if (parts.length === 2 || (parts.length === 1 && count === 0)) break;
  }
  return parts.length > 0 ? parts.join(' ') : 'less than a millisecond';
}
