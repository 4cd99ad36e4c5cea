// Profiles in the real UI: switch for this session, make the default (which
// writes the file, read back by the CLI), and overrides said in words.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { PtySession } from '../helpers/pty';
import type { CreatedToken } from '../helpers/server';
import { createWorld, type E2eWorld } from './support';

let world: E2eWorld;
let workToken: CreatedToken;
let readerToken: CreatedToken;

beforeAll(async () => {
  world = await createWorld();
  workToken = await world.addToken({ name: 'work-token', ttl: '1051200h', permissions: ['*'] });
  readerToken = await world.addToken({ name: 'reader-token', ttl: '1051200h', permissions: ['ListAPITokens', 'GetAPIToken'] });
});
beforeEach(() => {
  world.writeConfig([
    { name: 'work', token: workToken },
    { name: 'reader', token: readerToken },
  ], 'work');
});
afterAll(async () => {
  await world?.close();
});

const header = (ui: PtySession) => ui.lines()[0] ?? '';
const highlighted = (ui: PtySession) => ui.lines().find((line) => line.startsWith('› ')) ?? '';
const rowOf = (ui: PtySession, name: string) => ui.lines().find((line) => new RegExp(`^. ${name}\\s`).test(line)) ?? '';

async function openProfiles(ui: PtySession): Promise<void> {
  ui.press('p');
  await ui.waitForText('Profiles');
  await ui.waitFor(() => rowOf(ui, 'reader') !== '', 'the reader profile row');
}

async function highlight(ui: PtySession, name: string): Promise<void> {
  for (let i = 0; i < 5 && !highlighted(ui).startsWith(`› ${name} `); i++) {
    const before = highlighted(ui);
    ui.press('down');
    await ui.waitFor(() => highlighted(ui) !== before, 'the highlight to move');
  }
  expect(highlighted(ui)).toMatch(new RegExp(`^› ${name} `));
}

test('the picker marks the default and the active profile in words, tokens masked', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30 });
  await ui.waitForText('reader-token');
  expect(header(ui)).toContain('profile work');
  await openProfiles(ui);
  expect(rowOf(ui, 'work')).toMatch(/default/);
  expect(rowOf(ui, 'work')).toMatch(/active/);
  expect(rowOf(ui, 'reader')).not.toMatch(/default|active/);
  expect(ui.screen()).not.toContain(workToken.token);
  expect(ui.screen()).not.toContain(readerToken.token);
  expect(rowOf(ui, 'reader')).toContain(readerToken.token.slice(-4));
  ui.press('q');
  await ui.exited;
});

test('Enter switches the session; m makes it the default, which the CLI then sees', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30 });
  await ui.waitForText('reader-token');
  await openProfiles(ui);
  await highlight(ui, 'reader');
  ui.press('enter');
  await ui.waitFor(() => header(ui).includes('profile reader'), 'the header to name profile reader');
  await ui.waitForText('reader-token');
  // Only for this session: the file still says work.
  expect(parse(world.readConfig())['default-profile']).toBe('work');

  await openProfiles(ui);
  expect(rowOf(ui, 'reader')).toMatch(/active/);
  await highlight(ui, 'reader');
  ui.press('m');
  await ui.waitFor(() => /default/.test(rowOf(ui, 'reader')), 'reader to be marked default');
  expect(rowOf(ui, 'work')).not.toMatch(/default/);
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);

  const file = parse(world.readConfig());
  expect(file['default-profile']).toBe('reader');
  expect(Object.keys(file.profiles)).toEqual(['work', 'reader']);
  const listed = await world.cli(['profile', 'list', '-o', 'json']);
  expect(listed.code, listed.stderr).toBe(0);
  const json = JSON.parse(listed.stdout);
  expect(json.default).toBe('reader');
  expect(json.current).toBe('reader');
  const table = await world.cli(['profile', 'list']);
  expect(table.stdout).toMatch(/^reader\s+default\s+active/m);
});

test('an environment variable that overrides the profile is said in the header', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30, env: { APPCLACKS_TOKEN: readerToken.token } });
  await ui.waitForText('reader-token');
  expect(header(ui)).toMatch(/APPCLACKS_TOKEN overrides profile work/);
  expect(header(ui)).toContain('env APPCLACKS_TOKEN');
  ui.press('q');
  await ui.exited;
});

test('a session token that expires within a day is warned about in the header', async () => {
  const brief = await world.addToken({ name: 'brief-cli', ttl: '2h', permissions: ['*'] });
  world.writeConfig([
    { name: 'work', token: workToken },
    { name: 'brief', token: brief },
  ], 'work');
  const ui = world.spawn({ args: ['tui', '-p', 'brief'], cols: 100, rows: 30 });
  await ui.waitForText('brief-cli (this session)');
  expect(header(ui)).toMatch(/session token .*in (1h|2h|\d+m)/);
  ui.press('q');
  await ui.exited;
});

test('deleting the token this session signs in with: a stronger warning, then the UI says the credentials are gone', async () => {
  const doomed = await world.addToken({ name: 'doomed-cli', ttl: '72h', permissions: ['*'] });
  world.writeConfig([
    { name: 'work', token: workToken },
    { name: 'doomed', token: doomed },
  ], 'work');
  const ui = world.spawn({ args: ['tui', '-p', 'doomed'], cols: 100, rows: 30 });
  await ui.waitForText('doomed-cli (this session)');
  ui.press('/');
  await ui.waitForText(/\/ ▏/);
  await ui.type('doomed-cli');
  await ui.waitForText(/doomed-cli▏\s+1 of \d+ tokens match/);
  ui.press('enter');
  await ui.waitForText(/\/ doomed-cli\s+1 of \d+ tokens match/);
  ui.press('d');
  await ui.waitForText('Delete token "doomed-cli"?');
  expect(ui.screen()).toMatch(/THIS SESSION/);
  ui.press('y');
  await ui.waitFor(() => /credentials gone/.test(header(ui)), 'the header to say the credentials are gone');
  expect(ui.screen()).toMatch(/token was deleted|credentials (are gone|no longer work)/);
  // The way out is offered: the profile picker, with another profile to choose.
  await ui.waitForText('Profiles');
  await ui.waitFor(() => rowOf(ui, 'work') !== '', 'the work profile to choose instead');
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);

  const refused = await world.cli(['token', 'list', '-p', 'doomed']);
  expect(refused.code).toBe(4);
});

test('n in the picker adds a profile as appclacks login does: a <name>-cli token for *, stored in the file', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30 });
  await ui.waitForText('reader-token');
  await openProfiles(ui);
  ui.press('n');
  await ui.waitForText('› Profile name: ▏');
  await ui.type('laptop');
  await ui.waitForText('Profile name: laptop▏');
  ui.press('enter');
  await ui.waitForText('› Account email: ▏');
  await ui.type(world.account.email);
  await ui.waitForText(`Account email: ${world.account.email}▏`);
  ui.press('enter');
  await ui.waitForText('› Password: ▏');
  await ui.type(world.account.password);
  await ui.waitForText(`› Password: ${'•'.repeat(world.account.password.length)}▏`);
  ui.press('enter');
  await ui.waitFor(() => rowOf(ui, 'laptop') !== '', 'the new profile in the picker');
  expect(ui.output()).not.toContain(world.account.password);
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);

  const file = parse(world.readConfig());
  expect(Object.keys(file.profiles)).toEqual(['work', 'reader', 'laptop']);
  expect(file['default-profile']).toBe('work'); // a default existed, so it stays
  const tokens = await world.cli(['token', 'list', '-p', 'laptop', '-o', 'json']);
  expect(tokens.code, tokens.stderr).toBe(0);
  const created = (JSON.parse(tokens.stdout) as { result: Array<{ name: string; ttl: string; permissions: { actions: string[] } }> }).result.find((t) => t.name === 'laptop-cli');
  expect(created?.permissions.actions).toEqual(['*']);
  expect(created?.ttl).toBe('1051200h');
});

test('adding a profile takes the password from APPCLACKS_ACCOUNT_PASSWORD, as appclacks login does', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30, env: { APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password } });
  await ui.waitForText('reader-token');
  await openProfiles(ui);
  ui.press('n');
  await ui.waitForText('› Profile name: ▏');
  expect(ui.screen()).toContain('Password: from APPCLACKS_ACCOUNT_PASSWORD');
  await ui.type('from-env');
  await ui.waitForText('Profile name: from-env▏');
  ui.press('enter');
  await ui.waitForText(`› Account email: ${world.account.email}▏`);
  ui.press('enter');
  await ui.waitFor(() => rowOf(ui, 'from-env') !== '', 'the new profile in the picker');
  expect(ui.output()).not.toContain(world.account.password);
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
  expect(Object.keys(parse(world.readConfig()).profiles)).toContain('from-env');
});

test('an empty password is said to be empty, and nothing is sent', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30 });
  await ui.waitForText('reader-token');
  await openProfiles(ui);
  ui.press('n');
  await ui.waitForText('› Profile name: ▏');
  await ui.type('no-password');
  await ui.waitForText('Profile name: no-password▏');
  ui.press('enter');
  await ui.waitForText('› Account email: ▏');
  await ui.type(world.account.email);
  await ui.waitForText(`Account email: ${world.account.email}▏`);
  ui.press('enter');
  await ui.waitForText('› Password: ▏');
  ui.press('enter');
  await ui.waitForText('The account password is empty: nothing was sent.');
  expect(ui.screen()).not.toMatch(/refused/);
  ui.press('ctrl-c');
  await ui.exited;
  const listed = await world.cli(['token', 'list']);
  expect(listed.stdout).not.toContain('no-password-cli');
  expect(Object.keys(parse(world.readConfig()).profiles)).not.toContain('no-password');
});

test('the picker is a choice list: j/k stop at its ends rather than wrap, and a digit uses the profile on that row', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 100, rows: 30 });
  await ui.waitForText('reader-token');
  await openProfiles(ui);
  const rows = ui.lines().filter((line) => /^. (work|reader)\s/.test(line)).map((line) => line.slice(2).split(/\s/)[0]!);
  expect([...rows].sort()).toEqual(['reader', 'work']);
  const [first, second] = rows;
  for (const key of ['k', 'up', 'k'] as const) ui.press(key);
  ui.press('j');
  await ui.waitFor(() => highlighted(ui).startsWith(`› ${second} `), 'j to the second row');
  for (const key of ['j', 'down', 'j'] as const) ui.press(key);
  ui.press('k');
  await ui.waitFor(() => highlighted(ui).startsWith(`› ${first} `), 'k back to the first row');
  ui.press('2');
  await ui.waitForText(`Using profile ${second} for this session.`);
  await ui.waitFor(() => header(ui).includes(`profile ${second}`), 'the header to show the profile');
  ui.press('q');
  await ui.exited;
});
