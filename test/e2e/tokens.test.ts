// Token work in the real UI against a real server: browse, open, filter,
// delete (and decline), create with the wizard; the CLI confirms each change.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreatedToken } from '../helpers/server';
import type { PtySession } from '../helpers/pty';
import { createWorld, type E2eWorld } from './support';

let world: E2eWorld;
let admin: CreatedToken;
const BROWSE_COUNT = 36;

beforeAll(async () => {
  world = await createWorld();
  admin = await world.addToken({ name: 'e2e-admin', ttl: '1051200h', permissions: ['*'], description: 'the session' });
  for (let i = 1; i <= BROWSE_COUNT; i++) {
    const n = String(i).padStart(2, '0');
    await world.addToken({ name: `browse-${n}`, ttl: `${i * 10}h`, permissions: ['ListAPITokens'], ...(i % 2 === 0 && { description: `even ${n}` }) });
  }
  world.writeConfig([{ name: 'work', token: admin }]);
});
afterAll(async () => {
  await world?.close();
});

async function openUi(): Promise<PtySession> {
  // 80x24: a size many people still work in.
  const ui = world.spawn({ args: ['tui'], cols: 80, rows: 24 });
  await ui.waitForText(/ · 1\/\d+/);
  return ui;
}

/** The name on the highlighted row (the `›` glyph is there with or without colour). */
function selectedName(ui: PtySession): string | undefined {
  const row = ui.lines().find((line) => line.startsWith('› '));
  return row?.slice(2).split(/\s+/)[0];
}

function position(ui: PtySession): number {
  const match = / · (\d+)\/\d+/.exec(ui.screen());
  if (!match) throw new Error(`no list position on screen:\n${ui.screen()}`);
  return Number(match[1]);
}

/** Keys typed right after `/` may arrive in one read and be taken as one input: wait for the field. */
async function startFilter(ui: PtySession): Promise<void> {
  ui.press('/');
  await ui.waitForText(/\/ ▏\s+\d+ of \d+ tokens match/);
}

async function quit(ui: PtySession): Promise<void> {
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
}

async function tokenNamesFromCli(): Promise<string> {
  const result = await world.cli(['token', 'list']);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('browsing', () => {
  test('arrows, PgDn, PgUp, End and Home move the selection; the list scrolls to it', async () => {
    const ui = await openUi();
    expect(selectedName(ui)).toBe('e2e-admin');

    ui.press('down');
    await ui.waitForText(/ · 2\/\d+/);
    ui.press('j');
    await ui.waitForText(/ · 3\/\d+/);
    ui.press('up');
    await ui.waitForText(/ · 2\/\d+/);
    expect(selectedName(ui)).toBe('browse-01');

    const firstPage = ui.screen();
    expect(firstPage).not.toContain('browse-36');
    ui.press('pgdn');
    await ui.waitFor(() => position(ui) > 2, 'the selection to move a page down');
    const afterPage = selectedName(ui);
    expect(afterPage).toMatch(/^browse-\d\d$/);
    // The newly selected row was below the first window, and is now drawn.
    expect(firstPage).not.toContain(`${afterPage} `);

    const paged = position(ui);
    ui.press('pgup');
    await ui.waitFor(() => position(ui) < paged, 'the selection to move a page up');
    ui.press('pgdn');
    await ui.waitFor(() => position(ui) === paged, 'the selection to come back a page down');

    ui.press('end');
    await ui.waitFor(() => selectedName(ui) === 'browse-36', 'the last token to be selected');
    expect(ui.screen()).not.toContain('e2e-admin');
    ui.press('home');
    await ui.waitFor(() => selectedName(ui) === 'e2e-admin', 'the first token to be selected');
    await quit(ui);
  });

  test('moving the selection redraws only what changed (cheap over SSH, docs/terminal.md §1)', async () => {
    const ui = await openUi();
    const before = ui.output().length;
    for (let i = 2; i <= 30; i++) {
      ui.press('down');
      await ui.waitForText(new RegExp(` · ${i}/\\d+`));
    }
    // Redrawing the whole 80x24 frame costs about 4.5 KB; a move, scrolling included, about 1.1 KB.
    expect((ui.output().length - before) / 29).toBeLessThan(2_500);
    await quit(ui);
  });

  test('Enter opens every field of the token, Esc goes back to the same row', async () => {
    const ui = await openUi();
    ui.press('down');
    ui.press('down');
    await ui.waitForText(/ · 3\/\d+/);
    expect(selectedName(ui)).toBe('browse-02');
    ui.press('enter');
    await ui.waitForText('Token browse-02');
    const detail = ui.screen();
    expect(detail).toMatch(/ID\s+[0-9a-f-]{36}/);
    expect(detail).toMatch(/Description\s+even 02/);
    expect(detail).toMatch(/TTL\s+20h/);
    expect(detail).toContain('Lifetime used');
    expect(detail).toMatch(/ListAPITokens — \S/);

    ui.press('esc');
    await ui.waitForText(/ · 3\/\d+/);
    expect(selectedName(ui)).toBe('browse-02');
    await quit(ui);
  });
});

describe('filtering', () => {
  test('/ filters as you type; Esc clears', async () => {
    const ui = await openUi();
    await startFilter(ui);
    await ui.type('browse-3');
    // browse-30 … browse-36
    await ui.waitForText(/browse-3▏\s+7 of \d+ tokens match/);
    expect(ui.screen()).not.toContain('browse-03');
    expect(ui.screen()).not.toContain('e2e-admin');
    expect(selectedName(ui)).toBe('browse-30');

    ui.press('backspace');
    await ui.waitForText(/browse-▏\s+36 of \d+ tokens match/);
    expect(ui.screen()).toContain('browse-01');

    ui.press('esc');
    await ui.waitForNoText('tokens match');
    expect(ui.screen()).toContain('e2e-admin');
    await quit(ui);
  });

  test('matches descriptions too', async () => {
    const ui = await openUi();
    await startFilter(ui);
    await ui.type('even 1');
    await ui.waitForText(/5 of \d+ tokens match/); // 10, 12, 14, 16, 18
    ui.press('enter');
    await ui.waitForNoText('▏');
    expect(ui.screen()).toContain('browse-18');
    expect(ui.screen()).not.toContain('browse-11');
    await quit(ui);
  });
});

describe('deleting', () => {
  async function selectOnly(ui: PtySession, name: string): Promise<void> {
    await startFilter(ui);
    await ui.type(name);
    await ui.waitForText(new RegExp(`${name}▏\\s+1 of \\d+ tokens match`));
    ui.press('enter');
    await ui.waitForText(new RegExp(`/ ${name}\\s+1 of \\d+ tokens match`)); // the field is closed
    expect(selectedName(ui)).toBe(name);
  }

  test('confirmed with y: the token is gone, in the UI and for the CLI', async () => {
    const victim = await world.addToken({ name: 'victim-yes', permissions: ['GetAPIToken'] });
    const ui = await openUi();
    await selectOnly(ui, 'victim-yes');
    ui.press('d');
    await ui.waitForText('Delete token "victim-yes"?');
    expect(ui.screen()).toContain(`ID ${victim.id}`);
    ui.press('y');
    await ui.waitForText('No token matches "victim-yes"');
    await quit(ui);

    const listed = await tokenNamesFromCli();
    expect(listed).not.toContain(victim.id);
    expect(listed).toContain(admin.id);
  });

  test('a paste into the list opens the confirmation at "d" but never answers it', async () => {
    const kept = await world.addToken({ name: 'pasted-on', permissions: ['GetAPIToken'] });
    const ui = await openUi();
    await selectOnly(ui, 'pasted-on');
    // One write, as a terminal delivers a paste: "d" asks, the "y" of "deploy" must not answer.
    ui.press('deploy-bot\r');
    await ui.waitForText('Delete token "pasted-on"?');
    ui.press('yes');
    await ui.waitForText('Delete token "pasted-on"?');
    ui.press('n');
    await ui.waitForNoText('Delete token');
    expect(selectedName(ui)).toBe('pasted-on');
    await quit(ui);

    expect(await tokenNamesFromCli()).toContain(kept.id);
  });

  test('a bracketed paste in the list deletes nothing; in the filter it is typed in', async () => {
    const kept = await world.addToken({ name: 'pasted-bracketed', permissions: ['GetAPIToken'] });
    const ui = await openUi();
    // What a terminal sends for a paste once the UI has asked for bracketed paste.
    ui.press('\x1b[200~pasted-bracketed\r\x1b[201~');
    await ui.waitForText('Paste ignored: nothing was changed.');
    expect(ui.screen()).not.toContain('Delete token');
    await startFilter(ui);
    ui.press('\x1b[200~pasted-bracketed\x1b[201~');
    await ui.waitForText(/pasted-bracketed▏\s+1 of \d+ tokens match/);
    ui.press('enter');
    await ui.waitForText(/\/ pasted-bracketed\s+1 of \d+ tokens match/);
    await quit(ui);

    expect(await tokenNamesFromCli()).toContain(kept.id);
  });

  test('declined with n, Esc or the default answer: the token stays', async () => {
    const keeper = await world.addToken({ name: 'victim-no', permissions: ['GetAPIToken'] });
    const ui = await openUi();
    await selectOnly(ui, 'victim-no');
    for (const answer of ['n', 'esc', 'enter'] as const) {
      ui.press('d');
      await ui.waitForText('Delete token "victim-no"?');
      ui.press(answer);
      await ui.waitForNoText('Delete token');
      expect(selectedName(ui)).toBe('victim-no');
    }
    ui.press('r');
    await ui.waitForNoText('refreshing');
    expect(selectedName(ui)).toBe('victim-no');
    await quit(ui);

    expect(await tokenNamesFromCli()).toContain(keeper.id);
  });
});

describe('the create wizard', () => {
  const SECRET = /apc_[0-9A-Za-z]{49}/;

  /** Presses `key` until the highlighted line (the `›` one) matches. */
  async function moveUntil(ui: PtySession, key: 'down' | 'up', pattern: RegExp, limit = 20): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const current = ui.lines().find((line) => line.trimStart().startsWith('›')) ?? '';
      if (pattern.test(current)) return;
      ui.press(key);
      await ui.waitFor(() => (ui.lines().find((line) => line.trimStart().startsWith('›')) ?? '') !== current, 'the highlight to move');
    }
    throw new Error(`never reached ${pattern}; screen:\n${ui.screen()}`);
  }

  async function stepTo(ui: PtySession, title: string): Promise<void> {
    await ui.waitForText(`New token — ${title}`);
  }

  /** The result step ignores keys for its first half second (RESULT_SETTLE_MS), so a second Enter cannot leave it. */
  const pastResultSettle = () => new Promise((resolve) => setTimeout(resolve, 600));

  test('custom TTL and two permissions; the secret shown once works with the CLI', async () => {
    // No account variables: the wizard asks, and hides the password.
    const ui = await openUi();
    ui.press('n');
    await stepTo(ui, 'Name (step 1 of 6)');
    await ui.type('wizard-made');
    await ui.waitForText('Name: wizard-made▏');
    ui.press('enter');
    await stepTo(ui, 'Description');
    await ui.type('made by e2e');
    await ui.waitForText('Description: made by e2e▏');
    ui.press('enter');

    await stepTo(ui, 'Lifetime');
    await moveUntil(ui, 'down', /custom:/);
    await ui.type('36x');
    await ui.waitForText(/custom: 36x▏[\s\S]*✗/); // refused as you type
    ui.press('backspace');
    await ui.waitForText('custom: 36▏');
    await ui.type('h');
    await ui.waitForText(/✓ .*\(36h\): expires \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    ui.press('enter');

    await stepTo(ui, 'Permissions');
    await moveUntil(ui, 'down', /ListAPITokens/);
    ui.press('space');
    await ui.waitForText('[x] ListAPITokens');
    await moveUntil(ui, 'down', /GetAPIToken/);
    ui.press('space');
    await ui.waitForText('[x] GetAPIToken');
    expect(ui.screen()).toContain('[ ] *');
    ui.press('enter');

    await stepTo(ui, 'Account');
    await ui.waitForText('› Email: ▏');
    await ui.type(world.account.email);
    await ui.waitForText(`Email: ${world.account.email}▏`);
    ui.press('enter');
    await ui.waitForText('› Password: ▏');
    await ui.type(world.account.password);
    await ui.waitForText(`› Password: ${'•'.repeat(world.account.password.length)}▏`);
    expect(ui.screen()).not.toContain(world.account.password);
    ui.press('enter');

    await stepTo(ui, 'Review');
    const review = ui.screen();
    expect(review).toMatch(/Lifetime:\s+36h, expires/);
    expect(review).toMatch(/Permissions:\s+.*ListAPITokens/);
    expect(review).toMatch(/Permissions:\s+.*GetAPIToken/);
    expect(review).not.toContain(world.account.password);
    ui.press('enter');

    await stepTo(ui, 'Created');
    const result = await ui.waitForText(SECRET);
    expect(result).toMatch(/only time the secret is shown/);
    const secret = SECRET.exec(result)![0];
    const id = /Created ([0-9a-f-]{36}): wizard-made/.exec(result)?.[1];
    expect(id).toBeDefined();

    // Neither copied nor saved: leaving asks first.
    await pastResultSettle();
    ui.press('enter');
    await ui.waitForText('The secret will not be shown again. Leave anyway?');
    ui.press('y');
    await ui.waitForText(/ · \d+\/\d+/);
    expect(ui.screen()).toContain('wizard-made'); // current without pressing r
    await quit(ui);
    expect(ui.output()).not.toContain(world.account.password);

    // The secret works, with exactly the permissions chosen.
    const asNewToken = { APPCLACKS_ORGANIZATION_ID: world.account.organization.id, APPCLACKS_TOKEN: secret };
    const listed = await world.cli(['token', 'list', '-o', 'json'], asNewToken);
    expect(listed.code, listed.stderr).toBe(0);
    const made = (JSON.parse(listed.stdout) as { result: Array<{ id: string; ttl: string; description: string; permissions: { actions: string[] } }> }).result.find((t) => t.id === id);
    expect(made?.ttl).toBe('36h');
    expect(made?.description).toBe('made by e2e');
    expect([...(made?.permissions.actions ?? [])].sort()).toEqual(['GetAPIToken', 'ListAPITokens']);
    const refused = await world.cli(['token', 'delete', '--id', id!], asNewToken);
    expect(refused.code).toBe(4);
  });

  test('with the account in the environment there is no account step; the secret is copied (OSC 52 through tmux) and saved as a profile', async () => {
    const ui = world.spawn({
      args: ['tui'],
      cols: 100,
      rows: 30,
      env: { APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password, TMUX: '/tmp/tmux-1000/default,4242,0' },
    });
    await ui.waitForText(/ · 1\/\d+/);
    ui.press('n');
    await stepTo(ui, 'Name (step 1 of 5)');
    await ui.type('env-made');
    await ui.waitForText('Name: env-made▏');
    ui.press('enter');
    await stepTo(ui, 'Description');
    ui.press('enter');
    await stepTo(ui, 'Lifetime');
    ui.press('enter'); // the default, 72h
    await stepTo(ui, 'Permissions');
    ui.press('space'); // the first choice, *
    await ui.waitForText('[x] *');
    ui.press('enter');
    await stepTo(ui, 'Review');
    expect(ui.screen()).toMatch(/Account:\s+\S+@example\.com \(from APPCLACKS_ACCOUNT_EMAIL\)/);
    ui.press('enter');
    const secret = SECRET.exec(await ui.waitForText(SECRET))![0];

    // c copies through OSC 52, wrapped for tmux passthrough inside tmux.
    await pastResultSettle();
    ui.press('c');
    await ui.waitForText('Sent to the clipboard');
    const osc52 = `\x1b]52;c;${Buffer.from(secret).toString('base64')}\x07`;
    expect(ui.output()).toContain(`\x1bPtmux;${osc52.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`);
    expect(ui.screen()).toContain(secret); // still on screen, in case the terminal ignored it

    // s saves it as a profile; the CLI can use that profile at once.
    ui.press('s');
    await ui.waitForText('Save as profile named: env-made▏');
    ui.press('enter');
    await ui.waitForText('Saved as profile env-made');
    ui.press('enter');
    await ui.waitForText(/ · \d+\/\d+/);
    expect(ui.screen()).toContain('env-made');
    await quit(ui);

    const profiles = JSON.parse((await world.cli(['profile', 'list', '-o', 'json'])).stdout) as { profiles: Array<{ name: string }> };
    expect(profiles.profiles.map((p) => p.name)).toContain('env-made');
    const viaProfile = await world.cli(['token', 'list', '-p', 'env-made']);
    expect(viaProfile.code, viaProfile.stderr).toBe(0);
  });

  test('Esc goes back a step; leaving a filled wizard asks first', async () => {
    const ui = await openUi();
    ui.press('n');
    await stepTo(ui, 'Name');
    await ui.type('half-done');
    await ui.waitForText('Name: half-done▏');
    ui.press('enter');
    await stepTo(ui, 'Description');
    ui.press('esc');
    await stepTo(ui, 'Name');
    expect(ui.screen()).toContain('half-done'); // kept
    ui.press('esc');
    await ui.waitForText('Discard this new token?');
    ui.press('n');
    await ui.waitForNoText('Discard this new token?');
    await stepTo(ui, 'Name');
    ui.press('esc');
    await ui.waitForText('Discard this new token?');
    ui.press('y');
    await ui.waitForText(/ · \d+\/\d+/);
    await quit(ui);
    expect(await tokenNamesFromCli()).not.toContain('half-done');
  });
});
