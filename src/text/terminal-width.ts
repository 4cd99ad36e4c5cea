// Terminal cells: how wide text is on screen (CJK and most emoji take two
// cells) and how to fit it into a number of cells without cutting a glyph in
// half. The CLI's tables and the UI both measure here, so a name lines up the
// same way in both.
//
// The measure is string-width's (8.x), the one ink lays its boxes out with:
// the UI's columns must agree with ink's to the cell. It is written out here
// because string-width builds an Intl.Segmenter when it loads and compiles an
// RGI_Emoji regex (about 17 ms) on its first non-ASCII string, which the CLI
// would pay on every start. Here printable ASCII costs nothing, other text
// builds the segmenter on first use (10 to 30 ms) unless each of its
// characters stands alone, and the emoji regex (17 to 60 ms) is
// compiled only for a cluster of several code points that can be an emoji
// sequence (a family, a skin tone, a flag, VS16).
// test/text/terminal-width.test.ts holds the two measures together.
import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// A printing character; what comes before it in a cluster (prepended or
// format characters) takes no cell, and a cluster without one takes none.
const VISIBLE = /[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;
const SPACING_MARK = /\p{Spacing_Mark}/u;
// Every emoji sequence holds one of these: a pictograph, a regional indicator
// (flags), VS16 or the keycap mark. Text without one never needs RGI_EMOJI.
const MAYBE_EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u20E3]/u;
const PICTOGRAPHS = /\p{Extended_Pictographic}/gu;
const KEYCAP = /^[\d#*]\u20E3$/;

// Made on first use: most text the CLI prints is ASCII and needs neither.
let graphemes: Intl.Segmenter | undefined;
let rgiEmoji: RegExp | undefined;

function segmenter(): Intl.Segmenter {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return graphemes;
}

/** An emoji drawn two cells wide: RGI, or a ZWJ sequence or keycap a terminal still draws as one. */
function isWideEmoji(cluster: string): boolean {
  // One code point: every single-character emoji is East Asian Wide already.
  if (cluster.length === 1 || (cluster.length === 2 && cluster.codePointAt(0)! > 0xffff)) return false;
  if (!MAYBE_EMOJI.test(cluster)) return false;
  rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
  if (rgiEmoji.test(cluster)) return true;
  if (cluster.length > 50) return false;
  if (KEYCAP.test(cluster)) return true;
  return cluster.includes('\u200D') && (cluster.match(PICTOGRAPHS)?.length ?? 0) >= 2;
}

const isLeadingJamo = (cp: number | undefined) => cp !== undefined && ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c));
const isVowelJamo = (cp: number | undefined) => cp !== undefined && ((cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6));
const isTrailingJamo = (cp: number | undefined) => cp !== undefined && ((cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb));
const isJamo = (cp: number) => isLeadingJamo(cp) || isVowelJamo(cp) || isTrailingJamo(cp);

/** Hangul jamo: a leading + vowel (+ trailing) run is one two-cell syllable; undefined when the cluster is not jamo. */
function jamoWidth(visible: string): number | undefined {
  const points = Array.from(visible, (ch) => ch.codePointAt(0)!).filter((cp) => VISIBLE.test(String.fromCodePoint(cp)));
  if (points.length === 0 || !isJamo(points[0]!)) return undefined;
  let width = 0;
  for (let i = 0; i < points.length; i++) {
    const cp = points[i]!;
    if (!isJamo(cp)) {
      for (const rest of points.slice(i)) width += eastAsianWidth(rest);
      return width;
    }
    if (isLeadingJamo(cp) && isVowelJamo(points[i + 1])) {
      width += 2;
      i += isTrailingJamo(points[i + 2]) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(cp);
  }
  return width;
}

function clusterWidth(cluster: string): number {
  const start = cluster.search(VISIBLE);
  if (start === -1) return 0;
  if (isWideEmoji(cluster)) return 2;
  const visible = cluster.slice(start);
  const jamo = jamoWidth(visible);
  if (jamo !== undefined) return jamo;
  // The first printing character sets the width; spacing marks and
  // half/full-width forms after it (dakuten, prolonged sound mark) add theirs.
  let width = 0;
  let first = true;
  for (const ch of visible) {
    if (first || SPACING_MARK.test(ch) || (ch >= '\uFF00' && ch <= '\uFFEF')) width += eastAsianWidth(ch.codePointAt(0)!);
    first = false;
  }
  return width;
}

// The width of a character that is a cluster by itself, remembered: the UI
// measures every text node of every frame, and its rows repeat the same few
// non-ASCII characters (│ ✓ › …), each otherwise a dozen regex tests.
const characterWidths = new Map<string, number>();
const REMEMBERED_CHARACTERS = 4096;

function characterWidth(ch: string): number {
  let width = characterWidths.get(ch);
  if (width === undefined) {
    width = clusterWidth(ch);
    if (characterWidths.size >= REMEMBERED_CHARACTERS) characterWidths.clear();
    characterWidths.set(ch, width);
  }
  return width;
}

// Letters, digits, punctuation, symbols and spaces are each a grapheme
// cluster of their own, except Hangul jamo, regional indicators, skin tones
// and the few letters below that join a neighbour (prepended letters, Thai and
// Lao AM, halfwidth (semi-)voiced marks). Text made only of such characters
// (CJK names, accented Latin, a lone emoji) is measured character by
// character, without building the segmenter (10 to 30 ms).
const LETTERS_AND_SYMBOLS = /^[\p{L}\p{N}\p{P}\p{Zs}\p{S}]*$/u;
const MAY_JOIN =
  /[\p{Emoji_Modifier}\p{Regional_Indicator}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0D4E\u0E33\u0EB3\uFF9E\uFF9F\u{111C2}\u{111C3}\u{113D1}\u{1193F}\u{11941}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}\u{16D63}\u{16D67}-\u{16D6A}]/u;

/** True when every character of `text` is a grapheme cluster by itself (checked in test/text/terminal-width.test.ts). */
export function isOneClusterPerCharacter(text: string): boolean {
  return LETTERS_AND_SYMBOLS.test(text) && !MAY_JOIN.test(text);
}

/**
 * The widest of `texts` in cells, and at least `atLeast`. A loop, not
 * Math.max(...widths): spreading a list into a call's arguments overflows the
 * stack past about 100,000 items, and a token list has no upper bound.
 */
export function widestCell(texts: Iterable<string>, atLeast = 0): number {
  let widest = atLeast;
  for (const text of texts) {
    const width = displayWidth(text);
    if (width > widest) widest = width;
  }
  return widest;
}

/**
 * Columns a string takes in a terminal: CJK and most emoji take two, marks
 * and format characters none. Plain text only: measure before styling (an
 * escape sequence is not stripped, its visible characters count).
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  if (isOneClusterPerCharacter(text)) {
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      width += code >= 0x20 && code < 0x7f ? 1 : characterWidth(ch);
    }
    return width;
  }
  for (const { segment } of segmenter().segment(text)) width += clusterWidth(segment);
  return width;
}

// Fitting text into terminal cells: widths are cells (displayWidth), never
// string lengths, and a CJK character or an emoji is never cut in half.
const ELLIPSIS = '…';

/** User-perceived characters with their widths: an emoji with modifiers is one. */
function glyphs(text: string): { text: string; width: number }[] {
  return Array.from(segmenter().segment(text), ({ segment }) => ({ text: segment, width: clusterWidth(segment) }));
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
