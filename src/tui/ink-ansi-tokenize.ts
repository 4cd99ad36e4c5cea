// ink draws each frame as a grid of styled characters and turns every row
// back into a string with @alcalzone/ansi-tokenize's styledCharsToString,
// which computes the escape codes between each character and the next: three
// Sets and four arrays per character, even where nothing changes, which is
// almost everywhere. In the UI's first frame (100x30) that was about 13 ms of
// 53 (CPU profiles). The build hands ink this module instead: the package as
// it is, but a styledCharsToString that skips the work where two neighbours
// share their styles, where the package's answer is no code at all (for equal
// style lists, diffAnsiCodes returns an empty list). test/tui/ink-ansi-tokenize.test.ts
// holds it to the package's own on random styled text.
import { ansiCodesToString, diffAnsiCodes, type StyledChar } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

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
