// Keys split by a slow link (SSH, mosh, a serial console): an arrow key whose
// ESC and [B arrive in two reads, 10 ms apart, is still an arrow key; Esc
// pressed on its own still acts. The real program in a pseudo-terminal.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PtySession } from '../helpers/pty';
import { createWorld, type E2eWorld } from './support';

let world: E2eWorld;

const ESC = '\x1b';
/** The down arrow, cut after its ESC as a slow link may deliver it. */
const SPLIT_DOWN = [ESC, '[B'];
/** Longer than the default escape timeout (50 ms): whatever was held has been decided. */
const pastEscapeTimeout = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  world = await createWorld();
  const admin = await world.addToken({ name: 'slow-admin', ttl: '1051200h', permissions: ['*'] });
  await world.addToken({ name: 'slow-second', ttl: '72h', permissions: ['ListAPITokens'] });
  world.writeConfig([{ name: 'work', token: admin }]);
});
afterAll(async () => {
  await world?.close();
});

async function openUi(env: Record<string, string> = {}): Promise<PtySession> {
  const ui = world.spawn({ args: ['tui'], cols: 80, rows: 24, env });
  await ui.waitForText(/ · 1\/2/);
  return ui;
}

async function quit(ui: PtySession): Promise<void> {
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
}

describe('an escape sequence split in two reads', () => {
  test('is an arrow key in the list and on the token detail; a lone Esc still goes back', async () => {
    const ui = await openUi();
    await ui.sendSplit(SPLIT_DOWN, 10);
    await ui.waitForText(/ · 2\/2/);

    ui.press('enter');
    await ui.waitForText('Token slow-second');
    await ui.sendSplit(SPLIT_DOWN, 10);
    await pastEscapeTimeout();
    await ui.settle();
    // Not taken as Esc (back to the list) followed by typed "[B".
    expect(ui.screen()).toContain('Token slow-second');
    expect(ui.screen()).not.toMatch(/ · \d\/2/);

    ui.press('esc');
    await ui.waitForText(/ · 2\/2/);
    await quit(ui);
  });

  test('types nothing into a wizard text field, and Esc alone still leaves it', async () => {
    const ui = await openUi();
    ui.press('n');
    await ui.waitForText('New token — Name (step 1 of 6)');
    await ui.type('abc');
    await ui.waitForText('Name: abc▏');
    await ui.sendSplit(SPLIT_DOWN, 10);
    await pastEscapeTimeout();
    await ui.settle();
    expect(ui.screen()).toContain('Name: abc▏');
    expect(ui.screen()).not.toContain('[B');
    // An Esc would have asked before discarding the typed name.
    expect(ui.screen()).not.toContain('Discard this new token?');

    ui.press('esc');
    await ui.waitForText('Discard this new token?');
    ui.press('y');
    await ui.waitForText(/ · 1\/2/);
    await quit(ui);
  });

  test('APPCLACKS_ESCAPE_TIMEOUT_MS sets how long a lone ESC waits for the rest', async () => {
    // 400 ms: a sequence split 150 ms apart is still joined.
    const ui = await openUi({ APPCLACKS_ESCAPE_TIMEOUT_MS: '400' });
    await ui.sendSplit(SPLIT_DOWN, 150);
    await ui.waitForText(/ · 2\/2/);
    await quit(ui);
  });

  test('a bad APPCLACKS_ESCAPE_TIMEOUT_MS is one line saying what to set, exit 2', async () => {
    const ui = world.spawn({ args: ['tui'], cols: 80, rows: 24, env: { APPCLACKS_ESCAPE_TIMEOUT_MS: 'soon' } });
    expect((await ui.exited).exitCode).toBe(2);
    expect(ui.output()).toMatch(/error: APPCLACKS_ESCAPE_TIMEOUT_MS must be a whole number of milliseconds from 0 to 2000\r?\nhint: unset it for the default/);
  });
});
