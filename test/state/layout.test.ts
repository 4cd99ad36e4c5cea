import { describe, expect, it } from 'vitest';
import { bodyHeight, detailDescriptionLines, detailLineCount, helpGrid } from '../../src/state/layout';

describe('helpGrid', () => {
  it('uses one column when every entry fits under each other', () => {
    expect(helpGrid(5, 20, { columns: 80, rows: 24 })).toEqual({ rows: 5, columns: 1, shown: 5 });
  });

  it('adds columns when the height runs out and the width allows, filling down then across', () => {
    const size = { columns: 80, rows: 24 };
    const room = bodyHeight(size) - 4;
    expect(helpGrid(room + 1, 22, size)).toEqual({ rows: Math.ceil((room + 1) / 2), columns: 2, shown: room + 1 });
    // three 22-wide columns and two gaps of 3 need 72 of the 76 inner columns
    expect(helpGrid(room * 3, 22, size)).toEqual({ rows: room, columns: 3, shown: room * 3 });
  });

  it('keeps a row to count what does not fit in a small window', () => {
    const size = { columns: 50, rows: 12 };
    const room = bodyHeight(size) - 4;
    const grid = helpGrid(17, 20, size);
    expect(grid.columns).toBe(2);
    expect(grid.rows).toBe(room - 1);
    expect(grid.shown).toBe((room - 1) * 2);
  });

  it('never answers fewer than one row or column, however small the window', () => {
    const grid = helpGrid(17, 200, { columns: 10, rows: 3 });
    expect(grid.rows).toBeGreaterThanOrEqual(1);
    expect(grid.columns).toBe(1);
  });
});

describe('detailLineCount', () => {
  const permissions = { actions: ['ListAPITokens', 'GetAPIToken'] };

  it('counts title, six one-line fields, the description and one line per permission', () => {
    expect(detailLineCount({ permissions, description: 'short' }, 80)).toBe(10);
    expect(detailLineCount({ permissions, description: undefined }, 80)).toBe(10);
  });

  it('counts every line of a description wrapped beside the labels', () => {
    const description = 'word '.repeat(40).trim();
    const wrapped = detailDescriptionLines(description, 50);
    expect(wrapped.length).toBeGreaterThan(3);
    expect(wrapped.every((line) => line.length <= 50 - 14)).toBe(true);
    expect(detailLineCount({ permissions, description }, 50)).toBe(9 + wrapped.length);
    expect(detailLineCount({ permissions, description }, 14 + 199)).toBe(10);
  });
});
