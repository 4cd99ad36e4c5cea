import { describe, expect, it } from 'vitest';
import type { APIToken } from '../../src/api/schemas';
import { createdTokenTable, tokenTable } from '../../src/cli/output/resources';
import { formatList, renderTable } from '../../src/cli/output/table';
import { formatExpiresAt } from '../../src/cli/output/time';
import { displayWidth } from '../../src/text/terminal-width';

const NOW = Date.parse('2026-11-28T12:00:00Z');

const token: APIToken = {
  id: '66f16f70-edd1-4948-8b85-a905a5602da4',
  name: 'admin',
  description: 'ops team',
  permissions: { actions: ['ListAPITokens', 'GetAPIToken'] },
  'created-at': '2026-11-28T11:00:00Z',
  'expires-at': '2026-12-01T13:07:28.845059Z',
  ttl: '72h',
};

describe('tables', () => {
  it('aligns columns two spaces apart, dashes as long as each header, no trailing spaces', () => {
    expect(renderTable(['ID', 'Name', 'Description'], [['1', 'a-long-name', ''], ['22', 'b', 'x']])).toBe(
      ['ID  Name         Description', '--  ----         -----------', '1   a-long-name', '22  b            x', ''].join('\n'),
    );
  });

  it('counts terminal cells, so masked tokens (one cell each) and emoji or CJK (two) keep columns straight', () => {
    const table = renderTable(['A', 'B'], [['••••wxyz', 'P'], ['🚀', 'Q'], ['日本', 'R']]);
    const [, , ...rows] = table.split('\n');
    const cellsBefore = (line: string, ch: string) => displayWidth(line.slice(0, line.indexOf(ch)));
    expect(cellsBefore(rows[0]!, 'P')).toBe(10);
    expect(cellsBefore(rows[1]!, 'Q')).toBe(10);
    expect(cellsBefore(rows[2]!, 'R')).toBe(10);
    // A combining accent takes no cell: "é" written as e + U+0301 is one cell wide.
    const accented = renderTable(['A', 'B'], [['cafe\u0301', 'S'], ['abcd', 'T']]).split('\n');
    expect(cellsBefore(accented[2]!, 'S')).toBe(cellsBefore(accented[3]!, 'T'));
  });

  it('measures emoji sequences as the UI does: a family, a skin tone, VS16 each take two cells', () => {
    const rows = renderTable(['NAME', 'X'], [['👨‍👩‍👧', 'P'], ['👍🏽', 'Q'], ['❤️', 'R'], ['ab', 'S']]).split('\n');
    expect(rows.slice(2, 6)).toEqual(['👨‍👩‍👧    P', '👍🏽    Q', '❤️    R', 'ab    S']);
  });

  it('prints permissions as Go prints a slice', () => {
    expect(formatList(['A', 'B'])).toBe('[A B]');
    expect(formatList([])).toBe('[]');
  });

  it('token tables keep the official columns and order', () => {
    expect(tokenTable([token], NOW)).toBe(
      [
        'ID                                    Name   Expires at                         Description  Permissions',
        '--                                    ----   ----------                         -----------  -----------',
        '66f16f70-edd1-4948-8b85-a905a5602da4  admin  2026-12-01 13:07:28 UTC (in 3d1h)  ops team     [ListAPITokens GetAPIToken]',
        '',
      ].join('\n'),
    );
    expect(createdTokenTable({ ...token, token: 'apc_secret' }, NOW).split('\n')[0]).toMatch(/^ID {2,}Name {2,}Token {2,}Expires at {2,}Description {2,}Permissions$/);
  });
});

describe('times', () => {
  it('shows a readable UTC time and how far it is, expired ones in words', () => {
    // 3 days 1 hour 7 minutes away: `in 3d` would hide the day's last hour.
    expect(formatExpiresAt('2026-12-01T13:07:28.845059Z', NOW)).toBe('2026-12-01 13:07:28 UTC (in 3d1h)');
    expect(formatExpiresAt('2026-11-26T12:00:00Z', NOW)).toBe('2026-11-26 12:00:00 UTC (expired 2d ago)');
    expect(formatExpiresAt('2026-11-28T12:00:00+02:00', NOW)).toBe('2026-11-28 10:00:00 UTC (expired 2h ago)');
  });

  it('shows a time it cannot read as sent rather than failing the listing', () => {
    expect(formatExpiresAt('soon', NOW)).toBe('soon');
  });
});
