// The token lifecycle in the real UI against a real server: last use, marks
// and a bulk delete that meets a token deleted elsewhere, rotation with the
// result's profile update, each profile's token expiry in the picker, and
// the fallbacks against a server without the extensions.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PtySession } from '../helpers/pty';
import type { CreatedToken } from '../helpers/server';
import { createWorld, type E2eWorld } from './support';

const DAY = 24 * 3_600_000;
const SECRET = /apc_[0-9A-Za-z]{49}/;
/** The result step ignores keys for its first half second (RESULT_SETTLE_MS). */
const pastResultSettle = () => new Promise((resolve) => setTimeout(resolve, 600));

/** The name on the highlighted row, a mark glyph left out. */
function selectedName(ui: PtySession): string | undefined {
  const row = ui.lines().find((line) => line.startsWith('› '));
  return row?.slice(2).replace(/^\[x\] /, '').split(/\s+/)[0];
}

async function quit(ui: PtySession): Promise<void> {
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
}

/** Presses ↓ until the named token is highlighted. */
async function selectRow(ui: PtySession, name: string): Promise<void> {
  for (let i = 0; i < 40 && selectedName(ui) !== name; i++) {
    const before = selectedName(ui);
    ui.press('down');
    await ui.waitFor(() => selectedName(ui) !== before, 'the highlight to move');
  }
  expect(selectedName(ui)).toBe(name);
}

describe('with the extensions', () => {
  let world: E2eWorld;
  let admin: CreatedToken;
  let ci: CreatedToken;
  /** The server's clock, shifted back to make tokens that are expired now. */
  let offset = 0;

  beforeAll(async () => {
    world = await createWorld({ clock: () => Date.now() + offset });
    offset = -10 * DAY;
    for (const name of ['old-1', 'old-2', 'old-3']) await world.addToken({ name, ttl: '72h', permissions: ['GetAPIToken'] });
    offset = 0;
    // The session's token expires within 24 hours: the header warns, from token/current.
    admin = await world.addToken({ name: 'admin', ttl: '20h', permissions: ['*'] });
    ci = await world.addToken({ name: 'ci-token', ttl: '100h', permissions: ['ListAPITokens'], description: 'for CI' });
    world.writeConfig([
      { name: 'work', token: admin },
      { name: 'ci', token: ci },
    ]);
  });
  afterAll(async () => {
    await world?.close();
  });

  async function openUi(env: Record<string, string> = {}): Promise<PtySession> {
    const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30, env });
    await ui.waitForText(/ · 1\/\d+/);
    return ui;
  }

  test('the list and the detail say when each token was last used; the header warns about the session token', async () => {
    const ui = await openUi();
    await ui.waitForText('admin (this session)');
    const screen = ui.screen();
    expect(screen).toMatch(/LAST USED/);
    expect(screen).toMatch(/admin \(this session\).*used <1m ago/);
    expect(screen).toMatch(/ci-token .*never used/);
    expect(screen).toMatch(/⚠ session token expires in (19|20)h/);
    await selectRow(ui, 'ci-token');
    ui.press('enter');
    await ui.waitForText('Token ci-token');
    expect(ui.screen()).toMatch(/Last used\s+never used/);
    ui.press('esc');
    await ui.waitForText(/ · \d+\/\d+/);
    await quit(ui);
  });

  test('E marks the expired, Space one more; Esc clears marks before the filter; d deletes all after one question, reporting one deleted elsewhere', async () => {
    const extra = await world.addToken({ name: 'extra-1', permissions: ['GetAPIToken'] });
    const ui = await openUi();
    ui.press('E');
    await ui.waitForText('3 marked');
    expect(ui.screen()).toContain('[x] old-1');
    // Esc clears the marks first.
    ui.press('esc');
    await ui.waitForNoText('marked');
    expect(ui.screen()).not.toContain('[x]');
    ui.press('E');
    await ui.waitForText('3 marked');
    await selectRow(ui, 'extra-1');
    ui.press('space');
    await ui.waitForText('4 marked');
    expect(ui.screen()).toContain('› [x] extra-1');

    ui.press('d');
    await ui.waitForText('Delete 4 marked tokens?');
    const question = ui.screen();
    expect(question).toContain('"old-1", "old-2", "old-3" and 1 more');
    expect(question).toContain('› [ No ]');
    expect(question).not.toContain('THIS SESSION');
    // Meanwhile, somebody deletes one of them.
    const gone = await world.cli(['token', 'delete', '--id', extra.id]);
    expect(gone.code, gone.stderr).toBe(0);
    ui.press('y');
    await ui.waitForText('Delete of marked tokens');
    await ui.waitForText(/3 deleted, ✗ 1 failed, of 4/);
    expect(ui.screen()).toMatch(/failed extra-1 \(\w{8}\): not found: deleted elsewhere meanwhile/);
    ui.press('esc');
    await ui.waitForText(/ · \d+\/\d+/);
    expect(ui.screen()).not.toMatch(/old-\d/);
    expect(ui.screen()).not.toContain('extra-1');
    await quit(ui);
    const listed = await world.cli(['token', 'list']);
    expect(listed.stdout).not.toMatch(/old-\d|extra-1/);
    expect(listed.stdout).toContain('ci-token');
  });

  test('the bulk question warns harder when the session token is marked; No by default keeps every token', async () => {
    const ui = await openUi();
    await ui.waitForText('admin (this session)');
    await selectRow(ui, 'admin');
    ui.press('space');
    await ui.waitForText('1 marked');
    ui.press('d');
    await ui.waitForText('Delete 1 marked token?');
    expect(ui.screen()).toContain('THIS SESSION signs in with one of them');
    ui.press('enter');
    await ui.waitForNoText('Delete 1 marked token?');
    expect(ui.screen()).toContain('1 marked');
    await quit(ui);
    expect((await world.cli(['token', 'list'])).stdout).toContain(admin.id);
  });

  test("R rotates a profile's token after saying what happens; the result offers to update that profile, chosen by default", async () => {
    const ui = await openUi({ APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password });
    await selectRow(ui, 'ci-token');
    ui.press('R');
    await ui.waitForText('Rotate token "ci-token"?');
    const question = ui.screen();
    expect(question).toContain('old');
    expect(question).toContain('deleted at once');
    expect(question).toContain('The account comes from the environment.');
    expect(question).toContain('› [ No ]');
    ui.press('y');
    await ui.waitForText('Rotate token ci-token — Rotated');
    const result = await ui.waitForText(SECRET);
    const secret = SECRET.exec(result)![0];
    expect(result).toContain('only time the secret is shown');
    expect(result).toMatch(/The old token [0-9a-f-]{36} is deleted\./);
    expect(result).toContain('› (•) Update profile ci with the new token');
    expect(result).toContain('( ) Leave profile ci as it is');
    await pastResultSettle();
    ui.press('enter');
    await ui.waitForText('Profile ci now uses the new token');
    // The secret was saved in a profile: leaving asks nothing.
    ui.press('enter');
    await ui.waitForText(/ · \d+\/\d+/);
    expect(ui.screen()).toContain('ci-token');
    await quit(ui);

    expect(world.readConfig()).toContain(secret);
    expect(world.readConfig()).not.toContain(ci.token);
    const viaProfile = await world.cli(['token', 'list', '-p', 'ci', '-o', 'json']);
    expect(viaProfile.code, viaProfile.stderr).toBe(0);
    const listed = JSON.parse(viaProfile.stdout) as { result: Array<{ name: string; ttl: string; description: string; id: string }> };
    const rotated = listed.result.filter((t) => t.name === 'ci-token');
    expect(rotated).toHaveLength(1);
    expect(rotated[0]).toMatchObject({ ttl: '100h', description: 'for CI' });
    expect(rotated[0]!.id).not.toBe(ci.id);
  });

  test('R without the account in the environment asks for it in the account step of the wizard; Esc there goes back, nothing rotated', async () => {
    const victim = await world.addToken({ name: 'rot-typed', permissions: ['GetAPIToken'] });
    const ui = await openUi();
    await selectRow(ui, 'rot-typed');
    ui.press('R');
    await ui.waitForText('The account email and password are asked next.');
    ui.press('y');
    await ui.waitForText('Rotate token rot-typed — Account (step 1 of 2)');
    ui.press('esc');
    await ui.waitForText(/ · \d+\/\d+/);
    ui.press('R');
    await ui.waitForText('Rotate token "rot-typed"?');
    ui.press('y');
    await ui.waitForText('› Email: ▏');
    await ui.type(world.account.email);
    ui.press('enter');
    await ui.waitForText('› Password: ▏');
    await ui.type(world.account.password);
    ui.press('enter');
    const result = await ui.waitForText(SECRET);
    expect(result).toContain('Rotate token rot-typed — Rotated');
    expect(result).not.toContain('Update profile');
    expect(ui.output()).not.toContain(world.account.password);
    await pastResultSettle();
    ui.press('c');
    await ui.waitForText('Sent to the clipboard');
    ui.press('enter');
    await ui.waitForText(/ · \d+\/\d+/);
    await quit(ui);
    const listed = await world.cli(['token', 'list']);
    expect(listed.stdout).not.toContain(victim.id);
    expect(listed.stdout).toContain('rot-typed');
  });

  test("the profile picker shows each profile's token expiry as it arrives", async () => {
    const ui = await openUi();
    ui.press('p');
    await ui.waitForText('Profiles');
    await ui.waitForText(/work .*! in (19|20)h/);
    await ui.waitForText(/ci .*✓ in (3d|4d)/);
    await quit(ui);
  });

  test('opening the picker checks each profile\'s token without counting it as a use', async () => {
    const idle = await world.addToken({ name: 'idle-profile', ttl: '100h', permissions: ['GetAPIToken'] });
    const saved = world.readConfig();
    world.writeConfig([{ name: 'work', token: admin }, { name: 'idle', token: idle }]);
    try {
      const ui = await openUi();
      ui.press('p');
      await ui.waitForText(/idle .*✓ in 4d4h/);
      await quit(ui);
    } finally {
      writeFileSync(world.configPath, saved, { mode: 0o600 });
    }
    // LAST USED is there to find dead tokens: the picker's look must not make this one alive.
    const shown = await world.cli(['token', 'get', '--id', idle.id, '-o', 'json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: 'idle-profile', 'last-used-at': null });
  });
  test("rotating the session's own token: the header says the credentials are gone until its profile holds the new one", async () => {
    const ui = await openUi({ APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password });
    await ui.waitForText('admin (this session)');
    await selectRow(ui, 'admin');
    ui.press('R');
    await ui.waitForText('Rotate token "admin"?');
    expect(ui.screen()).toContain('THIS SESSION signs in with this token');
    expect(ui.screen()).toContain('Profile work holds it: the result offers to update it.');
    ui.press('y');
    const secret = SECRET.exec(await ui.waitForText(SECRET))![0];
    expect(ui.screen()).toContain('credentials gone');
    await pastResultSettle();
    ui.press('enter');
    await ui.waitForText('Profile work now uses the new token');
    await ui.waitForNoText('credentials gone');
    ui.press('enter');
    await ui.waitForText('admin (this session)');
    await quit(ui);
    expect(world.readConfig()).toContain(secret);
    const listed = await world.cli(['token', 'list']);
    expect(listed.code, listed.stderr).toBe(0);
  });
});

describe('against a server without the extensions', () => {
  let world: E2eWorld;

  beforeAll(async () => {
    world = await createWorld({ extensions: false });
    // Named as `appclacks login --profile-name work` names it: the session's token is guessed from it.
    const admin = await world.addToken({ name: 'work-cli', ttl: '1051200h', permissions: ['*'] });
    await world.addToken({ name: 'plain', permissions: ['GetAPIToken'] });
    world.writeConfig([{ name: 'work', token: admin }]);
  });
  afterAll(async () => {
    await world?.close();
  });

  test('no last-use column; the session token is guessed by name; R says the server cannot rotate; the picker shows no expiry', async () => {
    const ui = world.spawn({
      args: ['tui'],
      cols: 100,
      rows: 30,
      env: { APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password },
    });
    await ui.waitForText('work-cli (this session)');
    const screen = ui.screen();
    expect(screen).not.toContain('LAST USED');
    expect(screen).not.toMatch(/never used|used (\d|<)/);
    await selectRow(ui, 'plain');
    ui.press('R');
    await ui.waitForText('Rotate token "plain"?');
    ui.press('y');
    await ui.waitForText('cannot rotate tokens');
    ui.press('esc');
    await ui.waitForText(/ · \d+\/\d+/);
    ui.press('p');
    await ui.waitForText(/work .*token ••••/);
    // Once the server has answered (it lacks token/current), the row ends with the organization: no expiry, no guess.
    await ui.waitForText(/work .*token ••••\S+\s+org [0-9a-f]{8}…\s*$/m);
    expect(ui.screen()).not.toMatch(/work .*(in \d|refused)/);
    await quit(ui);
    expect((await world.cli(['token', 'list'])).stdout).toContain('plain');
  });
});
