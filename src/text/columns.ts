// How the columns of a table share a terminal's width, the way k9s shares
// them: fixed columns (IDs, times) take what they need, the flexible ones
// (names, descriptions) share the rest, and nothing is cut while room is
// left. The UI's token list and the CLI's `token list` on a terminal both
// lay out with it, so a name is cut at the same rule in both. Pure: cells in,
// widths out; the callers measure (terminal-width.ts) and cut.

export interface ColumnNeed {
  /** Cells its widest value takes, header included. */
  need: number;
  /**
   * Cells it keeps while others can still give: it is cut below its need only
   * down to this, until optional columns are left out. The default, `need`,
   * never gives anything up.
   */
  min?: number;
  /** Cells it keeps at the very last, when the row does not fit even then (default `min`). */
  least?: number;
  /**
   * The order in which columns give up room: the highest first, columns of
   * the same value sharing the cut so that the widest is cut first (a long
   * name and a long description end up equal). 0, the default, is fixed.
   */
  yields?: number;
  /**
   * May be left out entirely (width 0) rather than squeezing the rest below
   * their `min`; of several, the highest value goes first.
   */
  optional?: number;
}

/**
 * The width of each column for a row of `width` cells with `gap` cells
 * between shown columns. 0 means the column is left out (an optional one, or
 * one cut to nothing), and its gap with it. When even the `least` widths do
 * not fit, they are returned as they are: the caller's row is cut at the edge.
 */
export function shareColumns(columns: readonly ColumnNeed[], width: number, gap: number): number[] {
  const shown = columns.map(() => true);
  for (;;) {
    const soft = fitWithin(columns, shown, width, gap, (c) => c.min ?? c.need);
    if (soft.fits) return soft.widths;
    const drop = nextToLeaveOut(columns, shown);
    if (drop === -1) return fitWithin(columns, shown, width, gap, (c) => c.least ?? c.min ?? c.need).widths;
    shown[drop] = false;
  }
}

function fitWithin(
  columns: readonly ColumnNeed[],
  shown: readonly boolean[],
  width: number,
  gap: number,
  floorOf: (column: ColumnNeed) => number,
): { widths: number[]; fits: boolean } {
  const widths = columns.map((c, i) => (shown[i] ? c.need : 0));
  const ranks = [...new Set(columns.map((c) => c.yields ?? 0).filter((r) => r > 0))].sort((a, b) => b - a);
  for (const rank of ranks) {
    const over = total(widths, gap) - width;
    if (over <= 0) break;
    const members = columns.flatMap((c, i) => (shown[i] && (c.yields ?? 0) === rank ? [i] : []));
    const floors = members.map((i) => Math.min(floorOf(columns[i]!), columns[i]!.need));
    const current = members.reduce((sum, i) => sum + widths[i]!, 0);
    const levelled = level(members.map((i) => widths[i]!), floors, current - over);
    members.forEach((i, k) => (widths[i] = levelled[k]!));
  }
  return { widths, fits: total(widths, gap) <= width };
}

/** Shown cells of a row: the widths and a gap between each two shown columns. */
function total(widths: readonly number[], gap: number): number {
  const shown = widths.filter((w) => w > 0);
  return shown.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, shown.length - 1);
}

/**
 * Cuts `widths` to add up to `target` (or to their floors when that is less),
 * widest first: every width above a level is brought down to it, as water
 * finds its level. Cells the level leaves over go to the columns on the left.
 */
function level(widths: readonly number[], floors: readonly number[], target: number): number[] {
  const at = (cap: number) => widths.map((w, k) => Math.min(w, Math.max(floors[k]!, cap)));
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(at(0)) >= target) return at(0);
  let low = 0;
  // Folded, not Math.max(...widths): no list is spread into a call (test/build/argument-spread.test.ts).
  let high = widths.reduce((widest, w) => Math.max(widest, w), -Infinity);
  // The highest level whose widths still fit the target.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sum(at(mid)) <= target) low = mid;
    else high = mid - 1;
  }
  const result = at(low);
  let spare = target - sum(result);
  for (let k = 0; k < result.length && spare > 0; k++) {
    if (result[k]! < widths[k]!) {
      result[k] = result[k]! + 1;
      spare -= 1;
    }
  }
  return result;
}

/** The shown optional column with the highest `optional`, or -1. */
function nextToLeaveOut(columns: readonly ColumnNeed[], shown: readonly boolean[]): number {
  let found = -1;
  columns.forEach((c, i) => {
    if (c.optional !== undefined && shown[i] && (found === -1 || c.optional > columns[found]!.optional!)) found = i;
  });
  return found;
}
