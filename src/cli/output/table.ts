// Tables as the official CLI prints them (Go's tabwriter): columns
// left-aligned, two spaces apart, a row of dashes as long as each header
// under it. Trailing spaces are trimmed so copy-paste and diffs stay clean.
// Cells hold server text, so control characters are shown, not sent.
import { terminalSafe } from '../../text/terminal-text';
// Cells, not string lengths, and the UI's measure: a CJK or emoji name lines up.
import { shareColumns, type ColumnNeed } from '../../text/columns';
import { displayWidth, fit as fitText, widestCell } from '../../text/terminal-width';

/** A column that may be cut to fit a terminal; the others are always whole. */
export interface ShrinkableColumn {
  /** The highest gives first (src/text/columns.ts). */
  yields: number;
  /** Cells it keeps; never less than its header. */
  min: number;
}

export interface TableFit {
  /** The terminal's width. */
  width: number;
  /** By column index. */
  shrink: Readonly<Record<number, ShrinkableColumn>>;
}

/**
 * The table, with every value whole; or, given `fit` (stdout is a terminal),
 * with the shrinkable columns cut (`…`) so the rows fit its width, as gh does.
 * The columns share the width by the UI's rule (src/text/columns.ts).
 */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, fit?: TableFit): string {
  const dashes = headers.map((h) => '-'.repeat(h.length));
  const body = rows.map((row) => row.map(terminalSafe));
  // widestCell, not Math.max(...): a list spread into arguments overflows the stack past about 100,000 rows.
  const natural = headers.map((_, column) => Math.max(displayWidth(headers[column]!), widestCell(body.map((row) => row[column] ?? ''))));
  const widths = fit ? fittedWidths(headers, natural, fit) : natural;
  const all = [headers, dashes, ...body.map((row) => row.map((value, column) => (displayWidth(value) > widths[column]! ? fitText(value, widths[column]!) : value)))];
  const lines = all.map((row) =>
    headers
      .map((_, column) => {
        const cell = row[column] ?? '';
        const isLast = column === headers.length - 1;
        return isLast ? cell : cell + ' '.repeat(Math.max(0, widths[column]! - displayWidth(cell)));
      })
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}

function fittedWidths(headers: readonly string[], natural: readonly number[], fit: TableFit): number[] {
  const needs: ColumnNeed[] = natural.map((need, column) => {
    const shrink = fit.shrink[column];
    if (!shrink) return { need };
    return { need, min: Math.min(need, Math.max(shrink.min, headers[column]!.length)), yields: shrink.yields };
  });
  return shareColumns(needs, fit.width, 2);
}

/** `[A B]`, as Go prints a slice of strings. */
export function formatList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}
