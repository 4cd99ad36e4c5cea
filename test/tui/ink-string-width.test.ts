// The build gives ink src/tui/ink-string-width.ts in place of string-width 8:
// it must answer as string-width does for what ink hands it, styled text
// included (test/tokens/terminal-width.test.ts holds the plain measure).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import inkStringWidth from '../../src/tui/ink-string-width';

const main = createRequire(createRequire(import.meta.url).resolve('ink')).resolve('string-width');
const { version } = JSON.parse(readFileSync(join(dirname(main), 'package.json'), 'utf8')) as { version: string };
const stringWidth = ((await import(pathToFileURL(main).href)) as { default: (text: unknown) => number }).default;
const chalk = new Chalk({ level: 3 });

describe(`ink's width measure against string-width ${version}`, () => {
  it.each([
    '',
    'plain',
    chalk.bold.cyan('appclacks │ ') + 'profile work',
    `${chalk.green('✓ in 2d')}  ${chalk.dim('never used')}`,
    chalk.inverse('日本語') + ' 👨‍👩‍👧',
    '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007',
    '\u009b31mred\u009b0m',
  ])('%j', (text) => {
    expect(inkStringWidth(text)).toBe(stringWidth(text));
  });

  it('answers 0 for what is not a string, as string-width does', () => {
    expect(inkStringWidth(undefined)).toBe(stringWidth(undefined));
    expect(inkStringWidth(42)).toBe(0);
  });

  it('agrees on random styled text', () => {
    const styles = [(s: string) => s, chalk.bold, chalk.red, chalk.inverse, chalk.dim.underline];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.nat(styles.length - 1)), { maxLength: 6 }), (pieces) => {
        const text = pieces.map(([piece, style]) => styles[style]!(piece)).join('');
        expect(inkStringWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the tests run ink as it ships', () => {
  it('ink, widest-line, cli-truncate and wrap-ansi resolve string-width to src/tui/ink-string-width.ts here too (vitest.config.ts inlines them and applies this mapping)', async () => {
    const { inkSubstitute, INK_STRING_WIDTH } = await import('../../scripts/ink-substitutes.mjs');
    for (const name of INK_STRING_WIDTH.packages) expect(inkSubstitute('string-width', `/x/node_modules/${name}/index.js`)).toBe(INK_STRING_WIDTH.path);
    expect(inkSubstitute('string-width', '/x/node_modules/other/index.js')).toBeUndefined();
  });
});
