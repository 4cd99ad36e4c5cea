// Where each entry of the `?` overlay goes: entries run down a column, then
// across, in as many columns as the width allows (helpGrid in state/layout.ts
// decides how many). The overlay view only draws what this returns.
import { helpGrid, type HelpGrid } from '../state/layout';
import type { Size } from '../state/types';
import { hint, type KeyBinding } from '../keys/keymap';

export interface HelpEntry {
  keys: string;
  label: string;
}

export interface HelpLayout {
  grid: HelpGrid;
  /** Entries of each column, top to bottom. */
  columns: HelpEntry[][];
  /** Width of the keys part of an entry, padded; then the label. */
  keysWidth: number;
  entryWidth: number;
  /** Entries that did not fit, counted on one "… N more" row. */
  hidden: number;
}

/** Widths of one help entry: the keys, padded, then the label. */
export function helpEntryWidths(entries: readonly HelpEntry[]): { keys: number; entry: number } {
  const keys = entries.reduce((widest, e) => Math.max(widest, e.keys.length), 0) + 2;
  return { keys, entry: keys + entries.reduce((widest, e) => Math.max(widest, e.label.length), 0) };
}

export function helpLayout(bindings: readonly KeyBinding[], size: Size): HelpLayout {
  const entries = bindings.map(hint);
  const { keys: keysWidth, entry: entryWidth } = helpEntryWidths(entries);
  const grid = helpGrid(entries.length, entryWidth, size);
  const columns = Array.from({ length: grid.columns }, (_, c) => entries.slice(c * grid.rows, Math.min((c + 1) * grid.rows, grid.shown)));
  return { grid, columns, keysWidth, entryWidth, hidden: entries.length - grid.shown };
}
