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
