// Text helpers for the views: fixed-width cells and short forms of values.
// Widths are terminal cells (displayWidth), never string lengths: a CJK
// character or an emoji takes two cells, and is never cut in half.
import { displayWidth } from '../terminal-text';
import { ALL, formatExpiry, sortPermissions } from '../tokens';

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User-perceived characters with their widths: an emoji with modifiers is one. */
function glyphs(text: string): { text: string; width: number }[] {
  return Array.from(graphemes.segment(text), ({ segment }) => ({ text: segment, width: displayWidth(segment) }));
}

/** The longest start of `text` that fits in `width` cells, and its width. */
function head(text: string, width: number): { text: string; width: number } {
  let out = '';
  let used = 0;
  for (const glyph of glyphs(text)) {
    if (used + glyph.width > width) break;
    out += glyph.text;
    used += glyph.width;
  }
  return { text: out, width: used };
}

/** At most `width` cells: cut at the end, the cut marked with `…`. No padding. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  // "the secret…", not "the secret …": the space says nothing once cut.
  return head(text, width - 1).text.trimEnd() + ELLIPSIS;
}

/** Exactly `width` cells: cut (marked with `…`) or padded with spaces. */
export function cell(text: string, width: number): string {
  const fitted = fit(text, width);
  return fitted + ' '.repeat(Math.max(0, width - displayWidth(fitted)));
}

/** The longest end of `text` that fits in `width` cells. */
function tail(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const glyph of glyphs(text).reverse()) {
    if (used + glyph.width > width) break;
    out = glyph.text + out;
    used += glyph.width;
  }
  return out;
}

/** At most `width` cells, keeping the end (what is being typed); the cut start is marked with `…`. */
export function fitEnd(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  return ELLIPSIS + tail(text, width - 1).trimStart();
}

/**
 * At most `width` cells, cut in the middle: names that differ only at the end
 * (production-eu-west-1, production-eu-west-2) stay apart.
 */
export function fitMiddle(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const start = head(text, Math.ceil((width - 1) / 2));
  return start.text + ELLIPSIS + tail(text, width - 1 - start.width);
}

/**
 * Lines of at most `width` cells, broken between words where possible, inside
 * a word longer than a line otherwise. Always at least one line.
 */
export function wrapText(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/ +/)) {
    let rest = word;
    let restWidth = displayWidth(rest);
    const gap = line === '' ? 0 : 1;
    if (lineWidth + gap + restWidth <= room) {
      line += (gap ? ' ' : '') + rest;
      lineWidth += gap + restWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    lineWidth = 0;
    while (restWidth > room) {
      const part = head(rest, room);
      // A glyph wider than the line still has to go somewhere.
      const taken = part.text === '' ? glyphs(rest)[0]!.text : part.text;
      lines.push(taken);
      rest = rest.slice(taken.length);
      restWidth = displayWidth(rest);
    }
    line = rest;
    lineWidth = restWidth;
  }
  lines.push(line);
  return lines;
}

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
