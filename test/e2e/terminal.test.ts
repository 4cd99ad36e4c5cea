// The terminal behaviour of docs/terminal.md, in a real pseudo-terminal: the alternate
// screen and the cursor are always given back, resize reflows, a small
// window gets a notice, NO_COLOR means no colour, no TTY means no UI.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PtySession } from '../helpers/pty';
import { createWorld, type E2eWorld, expectRestored } from './support';

let world: E2eWorld;

beforeAll(async () => {
  let shift = 0;
  world = await createWorld({ clock: () => Date.now() + shift });
  const admin = await world.addToken({ name: 'term-admin', ttl: '1051200h', permissions: ['*'] });
  await world.addToken({ name: 'term-reader', ttl: '720h', description: 'reads tokens', permissions: ['ListAPITokens', 'GetAPIToken'] });
  await world.addToken({ name: 'term-soon', ttl: '30m', permissions: ['GetOrganization'] });
  shift = -10 * 24 * 3_600_000; // created ten days ago for three: expired a week ago
  await world.addToken({ name: 'term-old', ttl: '72h', permissions: ['GetOrganization'] });
  shift = 0;
  world.writeConfig([{ name: 'work', token: admin }]);
});
afterAll(async () => {
  await world?.close();
});

async function openUi(options: { cols?: number; rows?: number; env?: Record<string, string> } = {}): Promise<PtySession> {
  const ui = world.spawn({ args: ['tui'], cols: options.cols ?? 100, rows: options.rows ?? 30, ...(options.env && { env: options.env }) });
  await ui.waitForText('term-reader');
  expect(ui.isAlternateScreen()).toBe(true);
  expect(ui.bracketedPaste()).toBe(true);
  return ui;
}

// Any SGR colour: 30–37/39, 40–47/49, 90–97, 100–107, 38;…, 48;…
const COLOUR_SGR = /\x1b\[(?:\d+;)*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;\d+)*m/;

describe('quitting gives the terminal back', () => {
  test('q', async () => {
    const ui = await openUi();
    ui.press('q');
    expect((await ui.exited).exitCode).toBe(0);
    await expectRestored(ui);
  });

  test('Ctrl+C', async () => {
    const ui = await openUi();
    ui.press('ctrl-c');
    expect((await ui.exited).exitCode).toBe(130);
    await expectRestored(ui);
  });

  test('SIGTERM', async () => {
    const ui = await openUi();
    ui.kill('SIGTERM');
    expect((await ui.exited).exitCode).toBe(143);
    await expectRestored(ui);
  });

  test('SIGINT from another process', async () => {
    const ui = await openUi();
    ui.kill('SIGINT');
    expect((await ui.exited).exitCode).toBe(130);
    await expectRestored(ui);
  });

  test('SIGHUP', async () => {
    const ui = await openUi();
    ui.kill('SIGHUP');
    expect((await ui.exited).exitCode).toBe(129);
    await expectRestored(ui);
  });
});

describe('drawing', () => {
  const footers = (ui: PtySession) => ui.lines().filter((line) => /^q quit/.test(line)).length;

  test('once the tokens arrive, nothing of the loading screen is left behind', async () => {
    const ui = await openUi();
    await ui.waitFor(
      (s) => !s.includes('Loading tokens') && !/^0 tokens/m.test(s) && footers(ui) === 1,
      'a clean list screen (no leftover loading line, status line or second footer)',
      5_000,
    );
    ui.press('q');
    await ui.exited;
  });

  test('opening and closing the help overlay gives back the same screen', async () => {
    const ui = await openUi();
    await ui.waitForText(/ · 1\/4/);
    const before = ui.screen();
    ui.press('?');
    await ui.waitForText('Keys on this screen');
    ui.press('esc');
    await ui.waitFor((s) => s === before, 'the list screen exactly as before', 5_000);
    ui.press('q');
    await ui.exited;
  });
});

describe('keys that must not quit', () => {
  test('Esc never quits; q typed in a field is text', async () => {
    const ui = await openUi();
    ui.press('esc');
    ui.press('esc');
    ui.press('?'); // still running, and reading keys
    await ui.waitForText('Keys on this screen');
    ui.press('esc');
    await ui.waitForNoText('Keys on this screen');

    ui.press('/');
    await ui.waitForText(/\/ ▏/);
    ui.press('q');
    await ui.waitForText(/\/ q▏\s+0 of 4 tokens match/);
    ui.press('esc');
    await ui.waitForNoText('tokens match');
    ui.press('q');
    expect((await ui.exited).exitCode).toBe(0);
  });
});

describe('window size', () => {
  test('reflows from 100x30 to 60x15 and back', async () => {
    const ui = await openUi({ cols: 100, rows: 30 });
    // The list's column titles end with DESCRIPTION at 100 columns; at 60 there is no room for it.
    const top = () => ui.lines()[0] ?? '';
    const titles = () => ui.lines()[1] ?? '';
    await ui.waitFor(() => top().startsWith('appclacks') && titles().includes('DESCRIPTION'), 'the header and every column');

    ui.resize(60, 15);
    // Frame height is rows - 1 (docs/terminal.md §1): the footer sits on row 14.
    await ui.waitFor(() => {
      const footer = ui.lines()[13] ?? '';
      return top().startsWith('appclacks') && titles().includes('PERMISSIONS') && !titles().includes('DESCRIPTION') && /quit/.test(footer);
    }, 'the columns fitted to 60 and the footer on the last frame row');
    expect(ui.lines().every((line) => line.length <= 60)).toBe(true);
    expect(ui.screen()).toContain('term-reader');

    ui.resize(100, 30);
    await ui.waitFor(
      () => top().startsWith('appclacks') && titles().includes('DESCRIPTION') && /quit/.test(ui.lines()[28] ?? ''),
      'every column again, and the footer on the last frame row',
    );
    ui.press('q');
    await ui.exited;
  });

  // A terminal made narrower than lines already drawn (tmux split-window,
  // resize-window 160 → 80) used to keep the header off screen, a second
  // footer and stale rows, for good: ink drew one frame at the old width.
  test('narrowing below the width of lines already drawn redraws one clean frame', async () => {
    const ui = await openUi({ cols: 160, rows: 24 });
    await ui.waitForText(/ · 1\/4/);
    const statusLines = () => ui.lines().filter((line) => /^\d+ tokens? · /.test(line));
    const footers = () => ui.lines().filter((line) => /^q quit/.test(line));
    const clean = (position: string) => () => {
      const lines = ui.lines();
      return (
        (lines[0] ?? '').startsWith('appclacks │ profile work') &&
        footers().length === 1 &&
        /^q quit/.test(lines[22] ?? '') &&
        statusLines().length === 1 &&
        (statusLines()[0] ?? '').includes(position) &&
        lines.every((line) => line.length <= 80)
      );
    };

    ui.resize(80, 24);
    await ui.waitFor(clean(' 1/4'), 'header on row 1, one status line and one footer on row 23', 5_000);
    // The next frame is drawn incrementally over the redrawn one.
    ui.press('j');
    await ui.waitFor(clean(' 2/4'), 'the same clean frame after a key', 5_000);
    expect(ui.screen()).toContain('term-reader');

    ui.resize(100, 24);
    ui.resize(80, 24);
    ui.press('j');
    await ui.waitFor(clean(' 3/4'), 'a clean frame after widening and narrowing again', 5_000);
    ui.press('q');
    await ui.exited;
  });

  test('a window below the minimum shows a notice, ignores keys but q, and recovers', async () => {
    const ui = await openUi({ cols: 100, rows: 30 });
    ui.resize(40, 10);
    await ui.waitForText(/too small/i);
    ui.press('n'); // would open the wizard
    ui.resize(100, 30);
    await ui.waitForText('term-reader');
    expect(ui.screen()).not.toContain('New token');

    ui.resize(40, 10);
    await ui.waitForText(/too small/i);
    ui.press('q');
    expect((await ui.exited).exitCode).toBe(0);
    await expectRestored(ui);
  });

  test('starting in a small window shows the notice at once', async () => {
    const ui = world.spawn({ args: ['tui'], cols: 45, rows: 10 });
    await ui.waitForText(/too small/i);
    ui.press('q');
    await ui.exited;
    await expectRestored(ui);
  });
});

describe('colour', () => {
  test('NO_COLOR removes every colour sequence, while meaning stays in words', async () => {
    const ui = await openUi({ env: { NO_COLOR: '1' } });
    const row = (name: string) => ui.lines().find((line) => line.includes(name)) ?? '';
    expect(row('term-old')).toMatch(/✗ expired/);
    expect(row('term-soon')).toMatch(/! in \d+m/);
    expect(row('term-reader')).toMatch(/✓ in \d+d/);
    ui.press('q');
    await ui.exited;
    expect(ui.output()).not.toMatch(COLOUR_SGR);
  });

  test('without NO_COLOR the same screen has colour (so the check above can fail)', async () => {
    const ui = await openUi();
    ui.press('q');
    await ui.exited;
    expect(ui.output()).toMatch(COLOUR_SGR);
  });
});

describe('without a terminal', () => {
  test('piped stdin: exit 2 and one line naming the CLI command', async () => {
    const result = await world.cli(['tui']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('appclacks token list');
    expect(result.stdout).toBe('');
  });

  test('stdin piped but stdout a terminal: still no UI', async () => {
    const ui = world.spawn({ file: '/bin/sh', args: ['-c', `exec "${process.execPath}" bin/appclacks.js tui < /dev/null`] });
    const exit = await ui.exited;
    expect(exit.exitCode).toBe(2);
    expect(ui.output()).not.toContain('\x1b[?1049h');
    expect(ui.lines().join('')).toContain('appclacks token list'); // the line may wrap
  });
});
