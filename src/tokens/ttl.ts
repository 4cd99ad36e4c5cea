// Token lifetimes. The wire format is Go's time.ParseDuration syntax (docs/api.md);
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
export const DEFAULT_TTL = '72h';

/**
 * How long a token made with a valid TTL lives: whole milliseconds, at least
 * one, since the server's clock and storage count milliseconds (`500ms` lives
 * half a second, `1ns` a millisecond). The server applies it; the CLI and the
 * wizard say it, so neither promises what the server will not do.
 */
export function appliedLifetimeMs(ttlMs: number): number {
  return Math.max(1, Math.round(ttlMs));
}

/** Under this a lifetime is accepted, as the API accepts it, but flagged. */
export const SHORT_LIFETIME_MS = MS.m;

/**
 * A lifetime the API accepts (positive) but that leaves no time to use the
 * token: the list would show it expired at once. Said, not refused, by the
 * wizard and `token create` alike.
 */
export function shortLifetimeWarning(ttlMs: number): string | undefined {
  return appliedLifetimeMs(ttlMs) < SHORT_LIFETIME_MS ? 'under a minute: the token expires almost at once' : undefined;
}

const NS_PER = {
  ns: 1n,
  us: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n,
  w: 604_800_000_000_000n,
} as const;

const MAX_TTL_NS = 1_051_200n * NS_PER.h;
/** Go's Duration is an int64 of nanoseconds. */
const GO_MAX_NS = (1n << 63n) - 1n;

const GO_UNIT_NS: Record<string, bigint> = {
  ns: NS_PER.ns,
  us: NS_PER.us,
  'µs': NS_PER.us, // U+00B5 micro sign
  'μs': NS_PER.us, // U+03BC Greek mu
  ms: NS_PER.ms,
  s: NS_PER.s,
  m: NS_PER.m,
  h: NS_PER.h,
};
const PEOPLE_UNIT_NS: Record<string, bigint> = { ...GO_UNIT_NS, d: NS_PER.d, w: NS_PER.w };

/**
 * Who the TTL text comes from. `people` (the default: the CLI and the UI)
 * also takes days and weeks and words its errors for them; `go` is the wire
 * syntax only, with errors that name Go's units (the server).
 */
export type TtlSyntax = 'people' | 'go';

export interface TtlOptions {
  syntax?: TtlSyntax;
}

const WORDING = {
  people: {
    examples: 'e.g. 72h, 30m, 1h30m, 7d, 2w',
    units: 'h, m, s, d or w',
    subject: (text: string) => `TTL ${quote(text)}`,
  },
  // The server's messages already start with the field name, `ttl: `.
  go: {
    examples: 'e.g. 72h, 30m, 1h30m, 90s, 500ms',
    units: 'Go duration units: ns, us, µs, ms, s, m, h',
    subject: (text: string) => quote(text),
  },
} as const;

/**
 * Quotes text typed by someone else for an error message, escaping control
 * characters as Go's quote does, so a message never carries an ESC to a
 * terminal.
 */
function quote(text: string): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f"\\]/g, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${escaped}"`;
}

export type TtlResult =
  | { ok: true; /** what goes on the wire, Go syntax */ value: string; ms: number }
  | { ok: false; error: string };

type ParsedDuration =
  | { ns: bigint; usesPeopleUnits: boolean }
  /** `complete`: the error carries its own example and needs no list of them. */
  | { error: string; complete?: boolean }
  /** Beyond what an int64 of nanoseconds holds: Go refuses it, we call it too long. */
  | { overflow: true; negative: boolean };

/** Go's leadingInt: digits as an integer, or undefined past 2^63 (Go's overflow error). */
function leadingInt(digits: string): bigint | undefined {
  let x = 0n;
  for (const c of digits) {
    x = x * 10n + BigInt(c.charCodeAt(0) - 48);
    if (x > 1n << 63n) return undefined;
  }
  return x;
}

/**
 * Go's leadingFraction: the digits as an integer and the power of ten they
 * are over, as a float64; digits past what a uint64 holds are dropped, as Go
 * drops them (they cannot change the nanoseconds).
 */
function leadingFraction(digits: string): { f: bigint; scale: number } {
  let f = 0n;
  let scale = 1;
  for (const c of digits) {
    if (f > ((1n << 63n) - 1n) / 10n) break;
    const next = f * 10n + BigInt(c.charCodeAt(0) - 48);
    if (next > 1n << 63n) break;
    f = next;
    scale *= 10;
  }
  return { f, scale };
}

/**
 * Go's time.ParseDuration, step for step, to integer nanoseconds, plus `d`
 * and `w` when `units` has them. The fraction of a component goes through
 * one float64 multiplication exactly as in Go (`uint64(float64(f) *
 * (float64(unit) / scale))`, which truncates), so `0.4ns` is 0 and `1.5h`
 * is exact: the value shown here is the value the official server computes.
 */
function parseDurationText(text: string, syntax: TtlSyntax): ParsedDuration {
  const units = syntax === 'go' ? GO_UNIT_NS : PEOPLE_UNIT_NS;
  const unitList = WORDING[syntax].units;
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { ns: 0n, usesPeopleUnits: false };
  if (rest === '') return { error: 'is empty' };
  let total = 0n;
  let overflow = false;
  let usesPeopleUnits = false;
  // As in Go: a number (digits, optional fraction), then the unit, which is
  // every character up to the next digit or dot.
  const component = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]*)/u;
  while (rest.length > 0) {
    const match = component.exec(rest);
    const [whole = '', intPart = '', fracPart, unit = ''] = match ?? [];
    if (intPart === '' && (fracPart === undefined || fracPart === '')) return { error: 'is not a duration' };
    if (unit === '') return { error: `needs a unit after ${quote(whole)} (${unitList})` };
    const unitNs = units[unit];
    if (unitNs === undefined) {
      if (syntax === 'go' && (unit === 'd' || unit === 'w')) return { error: daysOrWeeksError(text), complete: true };
      return { error: `has an unknown unit ${quote(unit)} (${syntax === 'go' ? unitList : `use ${unitList}`})` };
    }
    if (unit === 'd' || unit === 'w') usesPeopleUnits = true;
    const integer = leadingInt(intPart);
    if (integer === undefined) {
      overflow = true;
    } else {
      let value = integer * unitNs;
      if (fracPart) {
        const { f, scale } = leadingFraction(fracPart);
        if (f > 0n) value += BigInt(Math.trunc(Number(f) * (Number(unitNs) / scale)));
      }
      total += value;
    }
    rest = rest.slice(whole.length);
  }
  if (overflow || total > 1n << 63n || (!negative && total > GO_MAX_NS)) return { overflow: true, negative };
  return { ns: negative ? -total : total, usesPeopleUnits };
}

/** The server's answer to `7d`: the hours to send instead. */
function daysOrWeeksError(text: string): string {
  const parsed = parseDurationText(text, 'people');
  const hours = 'ns' in parsed && parsed.ns > 0n && parsed.ns <= MAX_TTL_NS ? formatGoDurationNs(parsed.ns) : '168h';
  return `uses days or weeks, which Go duration syntax lacks: send hours, e.g. ${hours}`;
}

const nsToMs = (ns: bigint): number => Number(ns) / 1e6;

/**
 * A duration in Go syntax (plus d and w), in exact integer nanoseconds; throws
 * nothing, undefined for bad text or beyond Go's range. Go's nanosecond
 * truncation applies, so `0.4ns` is 0.
 */
export function parseDurationNs(text: string, options: TtlOptions = {}): bigint | undefined {
  const parsed = parseDurationText(text.trim(), options.syntax ?? 'people');
  return 'ns' in parsed ? parsed.ns : undefined;
}

/**
 * Validates a token lifetime and returns the Go duration string to send.
 * With the default `people` syntax, `7d` becomes `168h` (the same
 * nanoseconds, in hours) and Go-syntax input is sent as typed. With `go`,
 * only the wire syntax is accepted and errors name Go's units.
 * Positive means at least 1ns after Go's truncation.
 */
export function parseTtl(input: string, options: TtlOptions = {}): TtlResult {
  const syntax = options.syntax ?? 'people';
  const { examples, subject: subjectOf } = WORDING[syntax];
  const text = input.trim();
  if (text === '') return { ok: false, error: `${syntax === 'go' ? 'is' : 'TTL is'} empty: give a lifetime, ${examples}` };
  const subject = subjectOf(text);
  const parsed = parseDurationText(text, syntax);
  const tooLong = { ok: false as const, error: `${subject} is longer than the maximum ${MAX_TTL} (120 years)` };
  const notPositive = { ok: false as const, error: `${subject} must be positive: ${examples}` };
  if ('error' in parsed) {
    return { ok: false, error: parsed.complete ? `${subject} ${parsed.error}` : `${subject} ${parsed.error}: ${examples}` };
  }
  if ('overflow' in parsed) return parsed.negative ? notPositive : tooLong;
  if (parsed.ns === 0n && !text.startsWith('-') && /[1-9]/.test(text)) {
    // `0.4ns`: Go counts whole nanoseconds, so the official server sees 0.
    return { ok: false, error: `${subject} must be positive, and Go truncates it to 0ns: ${examples}` };
  }
  if (parsed.ns <= 0n) return notPositive;
  if (parsed.ns > MAX_TTL_NS) return tooLong;
  const goSyntax = !parsed.usesPeopleUnits && !text.startsWith('+');
  return { ok: true, value: goSyntax ? text : formatGoDurationNs(parsed.ns), ms: nsToMs(parsed.ns) };
}

/**
 * Formats nanoseconds in Go's duration syntax, compactly: like Go's
 * Duration.String() without its zero components (`168h` rather than
 * `168h0m0s`, `24h0.000000001s`, `1.5s`, `500ms`). Every digit is kept, so
 * Go parses the text back to exactly these nanoseconds.
 */
export function formatGoDurationNs(ns: bigint): string {
  if (ns === 0n) return '0s';
  if (ns < 0n) return `-${formatGoDurationNs(-ns)}`;
  if (ns < NS_PER.us) return `${ns}ns`;
  if (ns < NS_PER.ms) return `${decimal(ns, NS_PER.us)}us`;
  if (ns < NS_PER.s) return `${decimal(ns, NS_PER.ms)}ms`;
  const hours = ns / NS_PER.h;
  const minutes = (ns % NS_PER.h) / NS_PER.m;
  const seconds = ns % NS_PER.m;
  let out = '';
  if (hours > 0n) out += `${hours}h`;
  if (minutes > 0n) out += `${minutes}m`;
  if (seconds > 0n) out += `${decimal(seconds, NS_PER.s)}s`;
  return out;
}

/** `value / unit` in decimal, exactly, without trailing zeros: 1500n / 1000n → `1.5`. */
function decimal(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const fraction = value % unit;
  if (fraction === 0n) return String(whole);
  const width = String(unit).length - 1;
  return `${whole}.${String(fraction).padStart(width, '0').replace(/0+$/, '')}`;
}
