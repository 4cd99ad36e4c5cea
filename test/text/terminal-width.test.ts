// displayWidth is string-width's measure written out so the CLI need not load
// string-width (see src/text/terminal-width.ts). ink lays its boxes out with
// string-width, so the UI's columns are right only while the two agree: these
// tests hold them together, and name the version when an upgrade parts them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { displayWidth, isOneClusterPerCharacter } from '../../src/text/terminal-width';

// The string-width that ink itself resolves, and its version.
const main = createRequire(createRequire(import.meta.url).resolve('ink')).resolve('string-width');
const { version } = JSON.parse(readFileSync(join(dirname(main), 'package.json'), 'utf8')) as { version: string };
const stringWidth = ((await import(pathToFileURL(main).href)) as { default: (text: string) => number }).default;
const against = `string-width ${version} (the measure ink lays out with)`;

const SAMPLES = [
  '', 'abc', 'tab\there', 'ci-deploy', 'Ünïcødé', 'e\u0301', '日本語チーム', 'ｶﾞｷﾞ', 'ﾊﾟｰﾃｨｰ',
  '👨‍👩‍👧', '👍🏽', '❤️', '❤', '☝🏿', '🏳️‍🌈', '🇫🇷', '🇫', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '#️⃣', '1⃣', '👩‍💻', '🧑🏽‍🚀', '🚀🔥',
  '한국어', '\u1100\u1161\u11a8', '\u1100\u1100\u1161', '\u1100', '\u1100\uac00', 'กำ', 'नमस्ते', 'ക്ഷ', '\u0d4e\u0d15',
  'a\u200bb', 'a\u00adb', '\u0600\u0661', '\ufeffx', 'Ω≈ç√', '→ ← ✓ ✗', '…', '•', '\u00a0', '\u3000', '𠀋𡈽',
  'production-eu-west-1 日本 👨‍👩‍👧 done',
];

describe(`displayWidth measures as ${against}`, () => {
  it.each(SAMPLES)('%j', (text) => {
    expect(displayWidth(text), `${against} says ${stringWidth(text)} cells`).toBe(stringWidth(text));
  });

  // The whole range agreed when this was written (28 s); these blocks hold
  // every script, symbol and emoji a name is likely to carry.
  const BLOCKS: [number, number][] = [[0, 0xd7ff], [0xe000, 0xffff], [0x1f000, 0x1faff], [0x20000, 0x200ff], [0xe0000, 0xe01ef]];
  it('agrees on every code point of the BMP, the emoji blocks and the tags', () => {
    const differ: string[] = [];
    for (const [from, to] of BLOCKS) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (displayWidth(ch) !== stringWidth(ch)) differ.push(`U+${cp.toString(16).toUpperCase()}`);
      }
    }
    expect(differ, `code points measured unlike ${against}`).toEqual([]);
  }, 60_000);

  it('measures by character only text whose characters never join a grapheme cluster', () => {
    const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const joined: string[] = [];
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!isOneClusterPerCharacter(ch)) continue;
      // Next to a letter, itself, a Devanagari consonant and a Hangul syllable.
      for (const text of [`a${ch}a`, ch + ch, `\u0915${ch}`, `${ch}\u0915`, `\uac00${ch}`, `${ch}\uac00`]) {
        if ([...graphemes.segment(text)].length !== [...text].length) {
          joined.push(`U+${cp.toString(16).toUpperCase()}`);
          break;
        }
      }
    }
    expect(joined, 'characters that join a cluster: add them to MAY_JOIN in src/text/terminal-width.ts').toEqual([]);
  }, 60_000);

  it('gives the widths the CLI table used to get wrong', () => {
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
  });
});
