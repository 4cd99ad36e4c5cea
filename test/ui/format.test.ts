import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/terminal-width';
import { cell, fit, fitEnd, fitMiddle, lastUseText, permissionCell, wrapText } from '../../src/ui/format';

describe('cell: exactly `width` terminal cells', () => {
  it('pads and cuts ASCII as before', () => {
    expect(cell('abc', 5)).toBe('abc  ');
    expect(cell('abcdef', 5)).toBe('abcd…');
    expect(cell('abc', 0)).toBe('');
  });

  it('counts CJK and emoji as two cells when padding', () => {
    const name = '日本語トークン🚀🔥 emoji';
    expect(displayWidth(name)).toBe(24);
    expect(displayWidth(cell(name, 30))).toBe(30);
    expect(cell('日本', 6)).toBe('日本  ');
  });

  it('never cuts a wide glyph in half: the gap is a space', () => {
    // 3 cells: "日" (2) + "…" (1); 4 cells: "日" + "…" + one space, not half of "本".
    expect(cell('日本語', 3)).toBe('日…');
    expect(cell('日本語', 4)).toBe('日… ');
    expect(displayWidth(cell('日本語トークン🚀🔥 emoji', 10))).toBe(10);
    expect(cell('a🚀b', 2)).toBe('a…');
  });

  it('keeps an emoji sequence whole (one grapheme)', () => {
    const family = '👩‍👩‍👧';
    expect(cell(`${family}x`, 3)).toBe(`${family}x`);
    // Cut before the whole sequence, never inside it (a lone ZWJ or half a family).
    expect(cell(`x${family}yz`, 3)).toBe('x… ');
  });
});

describe('fit and fitEnd', () => {
  it('fit cuts the end only when needed, with no padding', () => {
    expect(fit('short', 10)).toBe('short');
    expect(fit('a longer text', 8)).toBe('a longe…');
  });

  it('fitEnd keeps what is being typed, with a leading …', () => {
    expect(fitEnd('Actions, owned by platform team', 12)).toBe('…atform team');
    expect(displayWidth(fitEnd('Actions, owned by platform team', 12))).toBeLessThanOrEqual(12);
    expect(fitEnd('fits', 12)).toBe('fits');
    expect(fitEnd('日本語トークン', 6)).toBe('…クン');
  });
});

describe('wrapText', () => {
  it('breaks between words and keeps every character', () => {
    const text = 'Deploys the production stack from GitHub Actions, owned by the platform team';
    const lines = wrapText(text, 20);
    expect(lines.every((line) => displayWidth(line) <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
    expect(lines[0]).toBe('Deploys the');
  });

  it('breaks a word longer than a line inside the word, by cells', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('日本語トークン', 5)).toEqual(['日本', '語ト', 'ーク', 'ン']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapText('', 10)).toEqual(['']);
  });
});

describe('fitMiddle', () => {
  it('keeps both ends, so names that differ at the end stay apart', () => {
    expect(fitMiddle('production-eu-west-1', 12)).toBe('produc…est-1');
    expect(fitMiddle('production-eu-west-2', 12)).toBe('produc…est-2');
    expect(fitMiddle('short', 12)).toBe('short');
    expect(displayWidth(fitMiddle('日本語トークン名前', 9))).toBeLessThanOrEqual(9);
  });
});

describe('a cut at a space', () => {
  it('leaves no space before or after the …', () => {
    expect(fit('Copied the secret to the clipboard.', 18)).toBe('Copied the secret…');
    expect(cell('Copied the secret to the clipboard.', 19)).toBe('Copied the secret… ');
    expect(fitEnd('the production stack', 12)).toBe('…ction stack');
    expect(fitEnd('from the production', 12)).toBe('…production');
  });
});

describe('lastUseText', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it('says how long ago, never, or nothing when the server does not say', () => {
    expect(lastUseText('2026-11-28T09:00:00Z', now)).toBe('used 3h ago');
    expect(lastUseText('2026-11-28T11:59:01Z', now)).toBe('used <1m ago');
    expect(lastUseText('2026-11-28T12:00:30Z', now)).toBe('used <1m ago'); // a server clock ahead
    expect(lastUseText('2026-11-28T11:59:00Z', now)).toBe('used 1m ago');
    expect(lastUseText(null, now)).toBe('never used');
    expect(lastUseText(undefined, now)).toBeUndefined();
  });
});

describe('permissionCell', () => {
  it('cuts the first name, never the +N count', () => {
    expect(permissionCell('GetOrganization +2', 18)).toBe('GetOrganization +2');
    expect(permissionCell('GetOrganization +2', 12)).toBe('GetOrgan… +2');
    expect(displayWidthOf(permissionCell('GetOrganization +2', 12))).toBe(12);
    expect(permissionCell('ListHealthchecksResults +11', 10)).toBe('ListH… +11');
    expect(permissionCell('GetAPIToken', 8)).toBe('GetAPIT…');
  });
});

function displayWidthOf(text: string): number {
  return [...text].length;
}
