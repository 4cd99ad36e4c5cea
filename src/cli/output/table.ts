// Tables as the official CLI prints them (Go's tabwriter): columns
// left-aligned, two spaces apart, a row of dashes as long as each header
// under it. Trailing spaces are trimmed so copy-paste and diffs stay clean.
// Cells hold server text, so control characters are shown, not sent.
import { eastAsianWidth } from 'get-east-asian-width';
import { terminalSafe } from '../../terminal-text';

// Widths are terminal cells: East Asian Wide and Fullwidth characters (CJK,
// most emoji) take two, combining marks and format characters none. This is
// string-width's core rule without its grapheme segmenter and emoji regexes,
// which cost some 40 ms on first use; the UI keeps string-width, because its
// cells must agree with ink's own measure (src/terminal-width.ts).
const ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of text) if (!ZERO_WIDTH.test(ch)) width += eastAsianWidth(ch.codePointAt(0)!);
  return width;
}

export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const dashes = headers.map((h) => '-'.repeat(h.length));
  const all = [headers, dashes, ...rows.map((row) => row.map(terminalSafe))];
  const widths = headers.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  const lines = all.map((row) =>
    headers
      .map((_, column) => {
        const cell = row[column] ?? '';
        const isLast = column === headers.length - 1;
        return isLast ? cell : cell + ' '.repeat(widths[column]! - displayWidth(cell));
      })
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}

/** `[A B]`, as Go prints a slice of strings. */
export function formatList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}
