// ink draws each frame as a grid of styled characters built with
// @alcalzone/ansi-tokenize, and the build hands ink this module in its place:
// the package as it is, with two functions faster on what a frame holds.
// test/tui/ink-ansi-tokenize.test.ts holds both to the package's own answers
// on random styled text.
//
// - tokenize runs an Intl grapheme segmenter over every line ink writes. Text
//   whose characters each stand alone (src/text/terminal-width.ts's
//   isOneClusterPerCharacter, checked there against the segmenter) between
//   plain colour codes is read here character by character; anything else
//   (links, other escape sequences, joining characters) goes to the package.
// - styledCharsToString computes the escape codes between each character and
//   the next: three Sets and four arrays per character, even where nothing
//   changes, which is almost everywhere (for equal style lists the package's
//   diff is empty). It is skipped between neighbours of the same style.
//
// In the UI's first frame (100x30) the two took about 20 ms of 53 (CPU profiles).
import * as ansiTokenize from '@alcalzone/ansi-tokenize';
import { ansiCodesToString, diffAnsiCodes, type AnsiCode, type StyledChar, type Token } from '@alcalzone/ansi-tokenize';
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import { isOneClusterPerCharacter } from '../text/terminal-width';

export * from '@alcalzone/ansi-tokenize';

const ESC = 0x1b;
const C1_CSI = 0x9b;
/** A colour or style code as chalk writes them; the package reads exactly these the same way. */
const SGR = /\u001b\[[0-9;]*m/y;

/** Each colour code's tokens, as the package reads them; a frame repeats a handful of codes. */
const sgrTokens = new Map<string, AnsiCode[]>();
const REMEMBERED_CODES = 4096;

function tokensOfSgr(sequence: string): AnsiCode[] {
  let tokens = sgrTokens.get(sequence);
  if (tokens === undefined) {
    tokens = ansiTokenize.tokenize(sequence) as AnsiCode[];
    if (sgrTokens.size >= REMEMBERED_CODES) sgrTokens.clear();
    sgrTokens.set(sequence, tokens);
  }
  return tokens;
}

export function tokenize(str: string, endChar = Number.POSITIVE_INFINITY): Token[] {
  // ink passes no endChar; a cut-off count is the package's to keep.
  if (endChar !== Number.POSITIVE_INFINITY) return ansiTokenize.tokenize(str, endChar);
  const tokens: Token[] = [];
  let at = 0;
  while (at < str.length) {
    const code = str.charCodeAt(at);
    if (code === ESC) {
      SGR.lastIndex = at;
      const sequence = SGR.exec(str)?.[0];
      if (sequence === undefined) return ansiTokenize.tokenize(str);
      for (const token of tokensOfSgr(sequence)) tokens.push({ ...token });
      at += sequence.length;
      continue;
    }
    if (code === C1_CSI) return ansiTokenize.tokenize(str);
    let end = at;
    while (end < str.length && str.charCodeAt(end) !== ESC && str.charCodeAt(end) !== C1_CSI) end++;
    const text = str.slice(at, end);
    // An escape character is a grapheme boundary, so text between two is segmented on its own.
    if (!isOneClusterPerCharacter(text)) return ansiTokenize.tokenize(str);
    for (const char of text) tokens.push({ type: 'char', value: char, fullWidth: isFullwidthCodePoint(char.codePointAt(0)!) });
    at = end;
  }
  return tokens;
}

function sameStyles(a: StyledChar['styles'], b: StyledChar['styles']): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  return true;
}

export function styledCharsToString(chars: StyledChar[]): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (i === 0) out += ansiCodesToString(char.styles);
    else if (!sameStyles(chars[i - 1]!.styles, char.styles)) out += ansiCodesToString(diffAnsiCodes(chars[i - 1]!.styles, char.styles));
    out += char.value;
    // The styles still on are reset at the end of the row.
    if (i === chars.length - 1 && char.styles.length > 0) out += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return out;
}
