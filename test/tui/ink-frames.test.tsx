// What src/tui/frameCursorFix.ts assumes about ink's incremental frames
// (docs/terminal.md §2), checked against the ink that is installed: a frame
// shorter than the terminal ends on a newline, and the next incremental frame
// moves up one line too few. If an ink upgrade fixes that, the fix would draw
// every frame one row high: this test then fails, naming the ink version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import React from 'react';
import { describe, expect, it } from 'vitest';
import { withFrameCursorFix } from '../../src/tui/frameCursorFix';
import { asRead, asWrite, FakeStdin, FakeStdout } from './streams';

// ink draws nothing while CI is set, and reads it once, when it loads
// (docs/terminal.md §6): load it here with CI unset, as the program runs.
const ci = process.env.CI;
delete process.env.CI;
const { Box, render, Text } = await import('ink');
if (ci !== undefined) process.env.CI = ci;

const inkMain = createRequire(import.meta.url).resolve('ink');
const { version } = JSON.parse(readFileSync(join(dirname(dirname(inkMain)), 'package.json'), 'utf8')) as { version: string };
const changed = `ink ${version} writes incremental frames differently from ink 6.8: revisit src/tui/frameCursorFix.ts`;

/** The row (0-based) on which `text` is written, following the cursor moves ink uses. */
function rowWhereWritten(output: string, text: string): number | undefined {
  let row = 0;
  const tokens = output.match(/\u001b\[\??[0-9;]*[A-Za-z]|\n|[^\u001b\n]+/g) ?? [];
  for (const token of tokens) {
    if (token === '\n' || token === '\u001b[E') row += 1;
    else if (/^\u001b\[\d*A$/.test(token)) row -= Number(token.slice(2, -1) || '1');
    else if (!token.startsWith('\u001b') && token.includes(text)) return row;
  }
  return undefined;
}

async function drawTwice(fix: boolean): Promise<string> {
  const out = new FakeStdout();
  out.rows = 6;
  const frame = (middle: string) => (
    <Box flexDirection="column" height={out.rows - 1}>
      <Text>header</Text>
      <Text>{middle}</Text>
      <Text>footer</Text>
    </Box>
  );
  const stdout = fix ? withFrameCursorFix(asWrite(out)) : asWrite(out);
  const app = render(frame('first'), { stdout, stdin: asRead(new FakeStdin()), incrementalRendering: true, patchConsole: false, exitOnCtrlC: false });
  await new Promise((resolve) => setTimeout(resolve, 30));
  app.rerender(frame('second'));
  await new Promise((resolve) => setTimeout(resolve, 30));
  app.unmount();
  return out.text;
}

describe(`ink ${version}: incremental frames of rows - 1 lines`, () => {
  it('left alone, ink redraws a changed line one row below where it drew it', async () => {
    const output = await drawTwice(false);
    expect(rowWhereWritten(output, 'first')).toBe(1);
    expect(rowWhereWritten(output, 'second'), changed).toBe(2);
  });

  it('with the fix, the changed line is redrawn in place', async () => {
    const output = await drawTwice(true);
    expect(rowWhereWritten(output, 'second'), changed).toBe(rowWhereWritten(output, 'first'));
  });
});
