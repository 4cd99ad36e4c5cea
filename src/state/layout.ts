// How many rows each part of the screen gets. The reducer needs the list's
// height to keep the selection in view, and the views draw exactly that many
// rows, so both read it from here.
import type { APIToken } from '../api/schemas';
import { wrapText } from '../text/terminal-width';
import type { Size } from './types';

export const MIN_SIZE: Size = { columns: 50, rows: 12 };

/** The size of a terminal's output; ink-testing-library and pipes leave rows undefined (docs/terminal.md §7). */
export function sizeOf(stdout: { columns?: number; rows?: number }): Size {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** ink 6 clears the whole screen when a frame is as tall as the terminal (docs/terminal.md §1). */
export function frameHeight(size: Size): number {
  return Math.max(1, size.rows - 1);
}

/** Header, message line and footer around every screen. */
const CHROME_ROWS = 3;

export function bodyHeight(size: Size): number {
  return Math.max(1, frameHeight(size) - CHROME_ROWS);
}

/** Token and profile lists: the body less a column header and a status line. */
export function listViewportRows(size: Size): number {
  return Math.max(1, bodyHeight(size) - 2);
}

/** The token detail's field labels take this many columns; values start after them. */
export const DETAIL_LABEL_WIDTH = 14;

/** The detail's description, wrapped to the columns beside the labels: every word shown. */
export function detailDescriptionLines(description: string | null | undefined, columns: number): string[] {
  return wrapText(description ? description : '(none)', columns - DETAIL_LABEL_WIDTH);
}

/**
 * Lines of the token detail: title, six one-line fields, a last-use line when
 * the server says (`last-used-at`), the description (wrapped, see
 * detailDescriptionLines), then one per permission. The reducer bounds the
 * detail's scroll with it, the view draws exactly these.
 */
export function detailLineCount(token: Pick<APIToken, 'permissions' | 'description' | 'last-used-at'>, columns: number): number {
  const lastUse = token['last-used-at'] === undefined ? 0 : 1;
  return 7 + lastUse + detailDescriptionLines(token.description, columns).length + token.permissions.actions.length;
}

export function isTooSmall(size: Size): boolean {
  return size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
}

/** Border, padding, title and closing line of the help overlay. */
const HELP_CHROME = { rows: 4, columns: 4 };
export const HELP_COLUMN_GAP = 3;

export interface HelpGrid {
  /** Entries per column; entries run down each column, then across. */
  rows: number;
  columns: number;
  /** How many entries fit; the rest are counted on one "… N more" row. */
  shown: number;
}

/**
 * The help overlay's entries in as many columns as the width allows, so that
 * every key of a screen fits an 80x24 terminal; only a window smaller than
 * that leaves some out.
 */
export function helpGrid(count: number, entryWidth: number, size: Size): HelpGrid {
  const room = Math.max(1, bodyHeight(size) - HELP_CHROME.rows);
  const inner = Math.max(1, size.columns - HELP_CHROME.columns);
  const fit = Math.max(1, Math.floor((inner + HELP_COLUMN_GAP) / (entryWidth + HELP_COLUMN_GAP)));
  const columns = Math.max(1, Math.min(fit, Math.ceil(count / room)));
  if (count <= columns * room) return { rows: Math.ceil(count / columns), columns, shown: count };
  const rows = Math.max(1, room - 1);
  return { rows, columns, shown: rows * columns };
}
