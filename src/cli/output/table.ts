// Tables as the official CLI prints them (Go's tabwriter): columns
// left-aligned, two spaces apart, a row of dashes as long as each header
// under it. Trailing spaces are trimmed so copy-paste and diffs stay clean.
// Cells hold server text, so control characters are shown, not sent.
import { terminalSafe } from '../../text/terminal-text';
// Cells, not string lengths, and the UI's measure: a CJK or emoji name lines up.
import { displayWidth, widestCell } from '../../text/terminal-width';

export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const dashes = headers.map((h) => '-'.repeat(h.length));
  const all = [headers, dashes, ...rows.map((row) => row.map(terminalSafe))];
  const widths = headers.map((_, column) => widestCell(all.map((row) => row[column] ?? '')));
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
