// Tables as the official CLI prints them (Go's tabwriter): columns
// left-aligned, two spaces apart, a row of dashes as long as each header
// under it. Trailing spaces are trimmed so copy-paste and diffs stay clean.

export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const dashes = headers.map((h) => '-'.repeat(h.length));
  const all = [headers, dashes, ...rows];
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

// Code points, not UTF-16 units: a name with an emoji or accents must not
// shift the columns after it. (Wide CJK glyphs are rare in token names.)
function displayWidth(text: string): number {
  return [...text].length;
}

/** `[A B]`, as Go prints a slice of strings. */
export function formatList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}
