// Token lifetimes. The wire format is Go's time.ParseDuration syntax (API.md);
// people may also type days and weeks, which we convert to hours before
// anything is sent, so the official server accepts every value we produce.

export const MS = {
  ns: 1e-6,
  us: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

/** The official `login` creates tokens for 1051200h (120 years); nothing longer makes sense. */
export const MAX_TTL = '1051200h';
export const MAX_TTL_MS = 1_051_200 * MS.h;
export const DEFAULT_TTL = '72h';

const UNIT_MS: Record<string, number> = {
  ns: MS.ns,
  us: MS.us,
  'µs': MS.us, // U+00B5 micro sign
  'μs': MS.us, // U+03BC Greek mu
  ms: MS.ms,
  s: MS.s,
  m: MS.m,
  h: MS.h,
  d: MS.d,
  w: MS.w,
};

const EXAMPLES = 'e.g. 72h, 30m, 1h30m, 7d, 2w';

export type TtlResult =
  | { ok: true; /** what goes on the wire, Go syntax */ value: string; ms: number }
  | { ok: false; error: string };

interface ParsedDuration {
  ms: number;
  usesPeopleUnits: boolean;
}

/**
 * Parses Go duration syntax plus `d` and `w`, or says why the text is not one.
 */
function parseDurationText(text: string): ParsedDuration | { error: string } {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ms: 0, usesPeopleUnits: false };
  if (rest === '') return { error: 'is empty' };
  let total = 0;
  let usesPeopleUnits = false;
  // As in Go: a number (digits, optional fraction), then the unit, which is
  // every character up to the next digit or dot.
  const component = /^(\d*)(?:\.(\d*))?([^\d.]*)/u;
  while (rest.length > 0) {
    const match = component.exec(rest);
    const [whole = '', intPart = '', fracPart, unit = ''] = match ?? [];
    if (intPart === '' && (fracPart === undefined || fracPart === '')) return { error: 'is not a duration' };
    if (unit === '') return { error: `needs a unit after "${whole}" (h, m, s, d or w)` };
    const unitMs = UNIT_MS[unit];
    if (unitMs === undefined) return { error: `has an unknown unit "${unit}" (use h, m, s, d or w)` };
    if (unit === 'd' || unit === 'w') usesPeopleUnits = true;
    total += Number(`${intPart || '0'}.${fracPart || '0'}`) * unitMs;
    rest = rest.slice(whole.length);
  }
  return { ms: sign * total, usesPeopleUnits };
}

/** Parses a duration in Go syntax (plus d and w) to milliseconds; throws nothing. */
export function parseDuration(text: string): number | undefined {
  const parsed = parseDurationText(text.trim());
  return 'error' in parsed ? undefined : parsed.ms;
}

/**
 * Validates a token lifetime as typed by a person and returns the Go duration
 * string to send. `7d` becomes `168h`; Go-syntax input is sent as typed.
 */
export function parseTtl(input: string): TtlResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: `TTL is empty: give a lifetime, ${EXAMPLES}` };
  const parsed = parseDurationText(text);
  if ('error' in parsed) return { ok: false, error: `TTL "${text}" ${parsed.error}: ${EXAMPLES}` };
  if (parsed.ms <= 0) return { ok: false, error: `TTL "${text}" must be positive: ${EXAMPLES}` };
  if (parsed.ms > MAX_TTL_MS) {
    return { ok: false, error: `TTL "${text}" is longer than the maximum ${MAX_TTL} (120 years)` };
  }
  const goSyntax = !parsed.usesPeopleUnits && !text.startsWith('+');
  return { ok: true, value: goSyntax ? text : formatGoDuration(parsed.ms), ms: parsed.ms };
}

function trimNumber(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** Formats milliseconds in Go's duration syntax, compactly (`168h`, `1h30m`, `1.5s`, `500ms`). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 0) return `-${formatGoDuration(-ms)}`;
  if (ms < MS.s) {
    if (ms >= 1) return `${trimNumber(ms)}ms`;
    if (ms >= MS.us) return `${trimNumber(ms / MS.us)}us`;
    return `${trimNumber(ms / MS.ns)}ns`;
  }
  const hours = Math.floor(ms / MS.h);
  const minutes = Math.floor((ms % MS.h) / MS.m);
  const seconds = (ms % MS.m) / MS.s;
  let out = '';
  if (hours > 0) out += `${hours}h`;
  if (minutes > 0) out += `${minutes}m`;
  if (seconds > 0) out += `${trimNumber(seconds)}s`;
  return out;
}

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
