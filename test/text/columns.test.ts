import { describe, expect, it } from 'vitest';
import { shareColumns, type ColumnNeed } from '../../src/text/columns';

const fixed = (need: number): ColumnNeed => ({ need });
const sum = (widths: number[], gap = 1) => widths.filter((w) => w > 0).reduce((a, b) => a + b, 0) + gap * (widths.filter((w) => w > 0).length - 1);

describe('shareColumns', () => {
  it('gives every column what it needs while the row fits: nothing is cut while room is left', () => {
    const columns = [{ need: 36, min: 10, yields: 1 }, fixed(8), { need: 60, min: 10, yields: 1 }];
    expect(shareColumns(columns, 200, 1)).toEqual([36, 8, 60]);
    expect(shareColumns(columns, 106, 1)).toEqual([36, 8, 60]);
  });

  it('cuts the widest flexible column first, then shares the cut: a long name and a long description end equal', () => {
    const columns = [{ need: 36, min: 10, yields: 1 }, fixed(8), { need: 60, min: 10, yields: 1 }];
    // 96 cells for the two: the description gives 10 and the name keeps its 36.
    expect(shareColumns(columns, 106 - 10, 1)).toEqual([36, 8, 50]);
    // 50 for the two: 25 each.
    expect(shareColumns(columns, 60, 1)).toEqual([25, 8, 25]);
    // An odd cell goes to the left.
    expect(shareColumns(columns, 61, 1)).toEqual([26, 8, 25]);
  });

  it('never cuts a fixed column, and stops a flexible one at its min', () => {
    const columns = [{ need: 40, min: 16, yields: 1 }, fixed(19), { need: 30, min: 0, yields: 1 }];
    const widths = shareColumns(columns, 50, 1);
    expect(widths[1]).toBe(19);
    expect(widths[0]).toBeGreaterThanOrEqual(16);
    expect(sum(widths)).toBeLessThanOrEqual(50);
  });

  it('cuts columns in their order of yielding: the highest first, down to its min, then the next', () => {
    // The CLI's rule: DESCRIPTION gives first, then NAME.
    const columns = [{ need: 30, min: 10, yields: 1 }, fixed(36), { need: 50, min: 11, yields: 2 }];
    expect(shareColumns(columns, 100, 2)).toEqual([30, 36, 30]);
    expect(shareColumns(columns, 75, 2)).toEqual([24, 36, 11]);
  });

  it('leaves an optional column out rather than cutting the others below their min, and gives its room back', () => {
    const columns: ColumnNeed[] = [{ need: 36, min: 16, yields: 2 }, fixed(8), fixed(19), { need: 14, optional: 2 }, { need: 18, min: 16, yields: 1 }, { need: 40, min: 10, yields: 2 }];
    // Short names: everything fits at 110.
    expect(shareColumns([{ need: 10, min: 10, yields: 2 }, ...columns.slice(1)], 110, 1)).toEqual([10, 8, 19, 14, 18, 36]);
    const at78 = shareColumns(columns, 78, 1);
    expect(at78[3]).toBe(0);
    expect(at78[4]).toBe(18); // the permissions keep their whole summary
    expect(at78[0]).toBeGreaterThanOrEqual(16);
    expect(sum(at78)).toBe(78);
  });

  it('leaves optional columns out highest first, and only as many as it must', () => {
    const columns: ColumnNeed[] = [{ need: 30, min: 16, yields: 1 }, { need: 12, optional: 2 }, { need: 20, min: 10, yields: 1, optional: 1 }];
    expect(shareColumns(columns, 64, 1)).toEqual([30, 12, 20]);
    expect(shareColumns(columns, 40, 1)).toEqual([16, 12, 10]);
    expect(shareColumns(columns, 36, 1)).toEqual([18, 0, 17]);
    expect(shareColumns(columns, 20, 1)).toEqual([20, 0, 0]);
  });

  it('goes down to `least` only when nothing else is left, and says nothing fits by returning it', () => {
    const columns: ColumnNeed[] = [{ need: 36, min: 16, least: 6, yields: 2 }, fixed(8), fixed(19), { need: 18, min: 16, least: 8, yields: 1 }];
    const at48 = shareColumns(columns, 48, 1);
    expect(sum(at48)).toBeLessThanOrEqual(48);
    expect(at48[0]).toBeGreaterThanOrEqual(6);
    expect(shareColumns(columns, 20, 1)).toEqual([6, 8, 19, 8]);
  });

  it('drops the gap of a column cut to nothing', () => {
    const columns: ColumnNeed[] = [{ need: 20, min: 20, yields: 1 }, { need: 30, min: 0, yields: 2 }];
    expect(shareColumns(columns, 20, 1)).toEqual([20, 0]);
    expect(shareColumns(columns, 23, 1)).toEqual([20, 2]);
  });
});
