// Terminal cells: how wide text is on screen (CJK and most emoji take two
// cells) and how to fit it into a number of cells without cutting a glyph in
// half. string-width builds an Intl.Segmenter and Unicode-property regexes
// when it loads (about 20 ms), so this module stays off the CLI's start-up
// path: only commands that print tables, and the UI (ink loads string-width
// anyway), import it.
import stringWidth from 'string-width';

/** Columns a string takes in a terminal: CJK and most emoji take two. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

// Fitting text into terminal cells: widths are cells (displayWidth), never
// string lengths, and a CJK character or an emoji is never cut in half.
const ELLIPSIS = '…';
// Made on first use: the CLI imports this module on its start-up path.
let graphemes: Intl.Segmenter | undefined;

/** User-perceived characters with their widths: an emoji with modifiers is one. */
function glyphs(text: string): { text: string; width: number }[] {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
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
