// Daily use of the token list in the real UI against a real server: where
// the cursor lands after a bulk delete, what a key with nothing to act on
// says, the footer at 80 columns, and the wizard's messages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PtySession } from '../helpers/pty';
import { parseTtl } from '../../src/tokens';
import { createWorld, type E2eWorld } from './support';

const DAY = 24 * 3_600_000;
const BULK_COUNT = 12;

let world: E2eWorld;
/** The server's clock, shifted back to make a token that is expired now. */
let offset = 0;

beforeAll(async () => {
  world = await createWorld({ clock: () => Date.now() + offset });
  offset = -10 * DAY;
  await world.addToken({ name: 'old-1', ttl: '72h', permissions: ['GetAPIToken'] });
  offset = 0;
  const admin = await world.addToken({ name: 'e2e-admin', ttl: '1051200h', permissions: ['*'] });
  for (let i = 1; i <= BULK_COUNT; i++) await world.addToken({ name: `bulk-${String(i).padStart(2, '0')}`, permissions: ['ListAPITokens'] });
  world.writeConfig([{ name: 'work', token: admin }]);
});
afterAll(async () => {
  await world?.close();
});

async function openUi(): Promise<PtySession> {
  const ui = world.spawn({ args: ['tui'], cols: 80, rows: 24 });
  await ui.waitForText(/ · 1\/\d+/);
  return ui;
}

/** The name on the highlighted row, a mark box left out. */
function selectedName(ui: PtySession): string | undefined {
  const row = ui.lines().find((line) => line.startsWith('› '));
  return row?.slice(2).replace(/^\[.\] /, '').split(/\s+/)[0];
}

async function filterBy(ui: PtySession, text: string): Promise<void> {
  ui.press('/');
  await ui.waitForText(/\/ ▏\s+\d+ of \d+ tokens match/);
  await ui.type(text);
  await ui.waitForText(new RegExp(`${text}▏`));
  ui.press('enter');
  await ui.waitForNoText('▏');
}

async function quit(ui: PtySession): Promise<void> {
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
}

describe('the token list, day to day', () => {
  test('the footer keeps ? help at 80 columns, and Esc back in the profile picker; no room for ↑/k, ↓/j, Ctrl+C', async () => {
    const ui = await openUi();
    const footer = () => ui.lines().filter((l) => l.trim() !== '').at(-1) ?? '';
    await ui.waitFor(() => footer().endsWith('? help'), 'the footer to end with ? help');
    expect(footer()).not.toMatch(/↑\/k|↓\/j|Ctrl\+C/);
    ui.press('p');
    await ui.waitFor(() => /Esc back {2}\? help$/.test(footer()), 'the picker footer to keep Esc back and ? help');
    ui.press('?');
    // The keys left out of the footer are in the help.
    await ui.waitForText('Ctrl+C');
    ui.press('esc');
    ui.press('esc');
    await ui.waitForText(/ · \d+\/\d+/);
    await quit(ui);
  });

  test('E says so when the filter hides every expired token', async () => {
    const ui = await openUi();
    await filterBy(ui, 'bulk-');
    ui.press('E');
    await ui.waitForText('No expired token is shown: the filter hides the expired one.');
    expect(ui.screen()).not.toContain('marked');
    await quit(ui);
  });

  test('after a bulk delete the cursor stays on the unmarked token it was on', async () => {
    const ui = await openUi();
    await filterBy(ui, 'bulk-');
    expect(selectedName(ui)).toBe('bulk-01');
    for (let i = 1; i <= 5; i++) {
      ui.press('space');
      await ui.waitForText(`${i} marked`);
      ui.press('j');
      await ui.waitFor(() => selectedName(ui) === `bulk-0${i + 1}`, `the cursor on bulk-0${i + 1}`);
    }
    ui.press('d');
    await ui.waitForText('Delete 5 marked tokens?');
    ui.press('y');
    await ui.waitForText('Deleted 5 tokens.');
    await ui.waitForNoText('bulk-05');
    expect(selectedName(ui)).toBe('bulk-06');
    // After the list's refresh too.
    ui.press('r');
    await ui.settle();
    expect(selectedName(ui)).toBe('bulk-06');
    await quit(ui);
    const listed = await world.cli(['token', 'list']);
    expect(listed.stdout).not.toMatch(/bulk-0[1-5]/);
    expect(listed.stdout).toContain('bulk-06');
  });

  test('a wizard message describes the form as it is: it goes when fixed, and is said once', async () => {
    const ui = await openUi();
    ui.press('n');
    await ui.waitForText('New token — Name');
    ui.press('enter');
    await ui.waitForText('The token needs a name');
    await ui.type('ci');
    await ui.waitForNoText('The token needs a name');
    ui.press('enter');
    await ui.waitForText('Description (step 2');
    ui.press('enter');
    await ui.waitForText('Lifetime (step 3');
    // 8 picks the custom row: it waits for a value rather than saying it is empty.
    ui.press('8');
    await ui.waitForText('Type a duration');
    expect(ui.screen()).not.toMatch(/empty/i);
    await ui.type('90m');
    await ui.waitForText('1 hour 30 minutes (90m)');
    expect(ui.screen()).not.toMatch(/empty/i);
    for (let i = 0; i < 3; i++) ui.press('backspace');
    await ui.type('0h');
    const wrong = parseTtl('0h');
    if (wrong.ok) throw new Error('0h is expected to be refused');
    await ui.waitForText(wrong.error);
    ui.press('enter');
    await ui.settle();
    expect(ui.screen().split(wrong.error).length - 1).toBe(1);
    expect(ui.screen()).toContain('Lifetime (step 3');
    ui.press('ctrl-c');
    await ui.exited;
  });
});
