// The build gives ink src/tui/ink-ansi-tokenize.ts in place of
// @alcalzone/ansi-tokenize: its tokenize and styledCharsToString must answer
// exactly as the package's do.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as original from '@alcalzone/ansi-tokenize';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ours from '../../src/tui/ink-ansi-tokenize';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '../../src/tui/ink-ansi-tokenize';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/node_modules/@alcalzone/ansi-tokenize/package.json`, 'utf8')) as { version: string };
const chalk = new Chalk({ level: 3 });

/** A row as ink builds it: text tokenized into styled characters, then written back. */
const row = (text: string) => styledCharsFromTokens(tokenize(text));

describe(`styledCharsToString against @alcalzone/ansi-tokenize ${version}`, () => {
  it.each([
    '',
    'plain text',
    chalk.bold.cyan('appclacks │ ') + 'profile work',
    chalk.inverse(`${chalk.bold('› bench-0 (this session) ')}29828640 ${chalk.green('✓ in 2d')}  used`),
    chalk.dim('a') + chalk.dim('b') + chalk.bold.dim('c') + 'd',
    '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007 after',
    chalk.bgRed.white.underline('日本語 👨‍👩‍👧') + chalk.reset('x'),
  ])('%j', (text) => {
    const chars = row(text);
    expect(styledCharsToString(chars)).toBe(original.styledCharsToString(chars));
  });

  it('agrees on random styled rows, and on rows pieced together from several (as ink\'s grid holds them)', () => {
    const styles = [(s: string) => s, chalk.bold, chalk.dim, chalk.red, chalk.inverse, chalk.bold.dim, chalk.green.underline, chalk.bgBlue.italic];
    const piece = fc.tuple(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.nat(styles.length - 1));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 4 }), { maxLength: 4 }), (texts) => {
        const chars = texts.flatMap((pieces) => row(pieces.map(([text, style]) => styles[style]!(text)).join('')));
        expect(styledCharsToString(chars)).toBe(original.styledCharsToString(chars));
      }),
      { numRuns: 1000 },
    );
  });

  it('exports everything the package does, the rest as the package has it', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(original).sort());
    for (const name of Object.keys(original).filter((n) => n !== 'styledCharsToString' && n !== 'tokenize')) {
      expect(ours[name as keyof typeof ours], name).toBe(original[name as keyof typeof original]);
    }
  });
});

describe(`tokenize against @alcalzone/ansi-tokenize ${version}`, () => {
  const SAMPLES = [
    '',
    'plain text',
    chalk.bold.cyan('appclacks │ ') + 'profile work',
    chalk.inverse(`${chalk.bold('› bench-0 (this session) ')}29828640 ${chalk.green('✓ in 2d')}  used`),
    '\u001b[38;2;1;2;3mtrue colour\u001b[39m \u001b[48;5;200mbg\u001b[49m',
    '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007 after',
    'cursor \u001b[?25l hidden \u001b[2J cleared \u001b[ broken \u001b',
    '\u009b31mC1\u009b0m',
    '日本語 ｶﾞ 👨‍👩‍👧 🇫🇷 e\u0301 #️⃣ 한국어 \u1100\u1161',
    'tab\there\r\nline',
  ];
  it.each(SAMPLES)('%j', (text) => {
    expect(tokenize(text)).toEqual(original.tokenize(text));
  });

  it('agrees with a cut-off count, which it leaves to the package', () => {
    expect(tokenize('abcdef', 3)).toEqual(original.tokenize('abcdef', 3));
  });

  it('agrees on random text between random escape sequences', () => {
    const escapes = ['\u001b[1m', '\u001b[22m', '\u001b[31;1m', '\u001b[m', '\u001b[?25l', '\u001b]8;;x\u0007', '\u001b]8;;\u0007', '\u001b', '\u009b', '\u001b[2', '\r\n'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(...escapes)), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(original.tokenize(text));
      }),
      { numRuns: 2000 },
    );
  });
});

