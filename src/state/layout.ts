// How many rows each part of the screen gets. The reducer needs the list's
// height to keep the selection in view, and the views draw exactly that many
// rows, so both read it from here.
import type { Size } from './types';

export const MIN_SIZE: Size = { columns: 50, rows: 12 };

/** ink 6 clears the whole screen when a frame is as tall as the terminal (INK6.md item 1). */
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

/** Lines of the token detail: title, seven fields, then one per permission. */
export function detailLineCount(permissionCount: number): number {
  return 8 + permissionCount;
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
