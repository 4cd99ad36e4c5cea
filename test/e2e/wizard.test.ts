// The create wizard in a real pseudo-terminal, on the built program: a new
// token's secret is shown once, so no key may lose it, and quitting tells the
// shell how it ended (Ctrl+C is 130, as for the CLI; q is 0).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PtySession } from '../helpers/pty';
import { createWorld, type E2eWorld, expectRestored } from './support';

let world: E2eWorld;

beforeAll(async () => {
  world = await createWorld();
  const admin = await world.addToken({ name: 'wiz-admin', ttl: '1051200h', permissions: ['*'] });
  world.writeConfig([{ name: 'work', token: admin }]);
});
afterAll(async () => {
  await world?.close();
});

async function openUi(): Promise<PtySession> {
  const ui = world.spawn({
    args: ['tui'],
    cols: 100,
    rows: 30,
    env: { APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password },
  });
  await ui.waitForText('wiz-admin');
  return ui;
}

/** From the list to the review step: name, no description, default lifetime, every call. */
async function toReview(ui: PtySession, name: string): Promise<void> {
  ui.press('n');
  await ui.waitForText('New token — Name');
  await ui.type(name);
  ui.press('enter');
  await ui.waitForText('Description (step 2');
  ui.press('enter');
  await ui.waitForText('Lifetime (step 3');
  ui.press('enter');
  await ui.waitForText('Permissions (step 4');
  ui.press('space');
  await ui.waitForText('Chosen: *');
  ui.press('enter');
  await ui.waitForText('Review (step 5');
}

describe('exit codes', () => {
  test('Ctrl+C exits 130 (interrupted) and gives the terminal back', async () => {
    const ui = await openUi();
    ui.press('ctrl-c');
    expect((await ui.exited).exitCode).toBe(130);
    await expectRestored(ui);
  });

  test('Ctrl+C in the middle of the wizard quits at once, with 130', async () => {
    const ui = await openUi();
    await toReview(ui, 'interrupted-draft');
    ui.press('ctrl-c');
    expect((await ui.exited).exitCode).toBe(130);
    await expectRestored(ui);
  });
});

describe('leaving the wizard', () => {
  test('q in a filled wizard asks first; q in the question is No; y quits with 0', async () => {
    const ui = await openUi();
    await toReview(ui, 'q-draft');
    ui.press('q');
    await ui.waitForText('Discard this new token?');
    ui.press('q');
    await ui.waitForText('Press Enter to create the token');
    ui.press('q');
    await ui.waitForText('Discard this new token?');
    ui.press('y');
    expect((await ui.exited).exitCode).toBe(0);
    await expectRestored(ui);
  });

  test('Enter twice on the review step creates one token and keeps its secret on screen; leaving it unsaved asks', async () => {
    const ui = await openUi();
    await toReview(ui, 'double-enter');
    ui.press('enter');
    ui.press('enter');
    await ui.waitForText('only time the secret is shown');
    const secret = /apc_\S+/.exec(ui.screen())?.[0] ?? '';
    expect(secret).not.toBe('');
    // Past the moment the result step ignores keys, Enter asks instead of leaving.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(ui.screen()).toContain(secret);
    ui.press('enter');
    await ui.waitForText('The secret will not be shown again. Leave anyway?');
    ui.press('enter'); // No, the default
    await ui.waitForNoText('Leave anyway?');
    expect(ui.screen()).toContain(secret);
    ui.press('c');
    await ui.waitForText('Sent to the clipboard');
    ui.press('enter');
    await ui.waitForText('› double-enter');
    const created = await world.cli(['token', 'list', '-p', 'work', '--output', 'json']);
    expect(created.code).toBe(0);
    expect(created.stdout.match(/"double-enter"/g)).toHaveLength(1);
    ui.press('q');
    expect((await ui.exited).exitCode).toBe(0);
  });
});

describe('editing a name in place', () => {
  test('← to the start (and past it) to type a forgotten first letter, Backspace in the middle: the token gets the fixed name', async () => {
    const ui = await openUi();
    ui.press('n');
    await ui.waitForText('New token — Name');
    await ui.type('i-deplooy');
    await ui.waitForText('Name: i-deplooy▏');
    ui.press('left');
    await ui.waitForText('Name: i-deploo▏y');
    ui.press('backspace');
    await ui.waitForText('Name: i-deplo▏y');
    // Two more presses than the name is long: the cursor stays at the start.
    for (let i = 0; i < 'i-deploy'.length + 2; i++) ui.press('left');
    await ui.waitForText('Name: ▏i-deploy');
    await ui.type('c');
    await ui.waitForText('Name: c▏i-deploy');
    ui.press('right');
    await ui.waitForText('Name: ci▏-deploy');
    ui.press('enter');
    await ui.waitForText('Description (step 2');
    ui.press('esc');
    await ui.waitForText('Name: ci-deploy▏');
    ui.press('ctrl-c');
    expect((await ui.exited).exitCode).toBe(130);
  });
});
