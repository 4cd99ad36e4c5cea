// The build gives ink src/tui/ink-ansi-tokenize.ts in place of
// @alcalzone/ansi-tokenize: its styledCharsToString must write exactly what
// the package's does.
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
    for (const name of Object.keys(original).filter((n) => n !== 'styledCharsToString')) {
      expect(ours[name as keyof typeof ours], name).toBe(original[name as keyof typeof original]);
    }
  });
});
