import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, fakeStore, KEY, startWorld, waitUntil, type World } from '../helpers/ui-harness';
import { displayWidth } from '../../src/text/terminal-width';
import { token, tokens } from '../state/fixtures';

describe('token list against the real server', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
    await world.addToken('ci-deploy', { description: 'deploys from CI', permissions: ['ListAPITokens', 'GetAPIToken'] });
    await world.addToken('short-lived', { ttl: '2h', permissions: ['GetOrganization'] });
    for (let i = 0; i < 30; i++) await world.addToken(`bulk-${String(i).padStart(2, '0')}`, { ttl: '720h' });
  });
  afterAll(async () => {
    await world?.close();
  });

  async function open() {
    const { store, writes } = await world.store();
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('ci-deploy');
    return { ui, store, writes };
  }

  it('shows name, short ID, expiry in words with a glyph, permissions and description', async () => {
    const { ui } = await open();
    const frame = ui.frame();
    expect(frame).toContain('NAME');
    // The server says when each token was last used: a column between expiry and permissions.
    // A 72h token reads `in 3d` and a 2h one `in 2h` as they are made: rounded, not cut down.
    expect(frame).toMatch(/ci-deploy\s+\w{8} ✓ in 3d\s+never used\s+ListAPITokens \+1\s+deploys from CI/);
    expect(frame).toMatch(/short-lived\s+\w{8} ! in 2h\s+never used\s+GetOrganization/);
    expect(frame).toContain('admin-cli (this session)');
    expect(frame).toContain('33 tokens');
    expect(frame).not.toContain(world.admin.token);
    ui.unmount();
  });

  it('browses with arrows, j/k, PgDn, End and Home', async () => {
    const { ui } = await open();
    await ui.press(KEY.down, '2/33');
    await ui.press('j', '3/33');
    await ui.press('k', '2/33');
    await ui.press(KEY.pageDown, /› bulk-/);
    await ui.press(KEY.end, '33/33');
    expect(ui.frame()).toContain('› bulk-29');
    await ui.press(KEY.home, '1/33');
    await ui.press('G', '33/33');
    await ui.press('g', '1/33');
    ui.unmount();
  });

  it('s sorts expiring first, then by name, then back to oldest first, keeping the selected token', async () => {
    const { ui } = await open();
    expect(ui.frame()).toContain('oldest first');
    await ui.press(KEY.down, '2/33');
    expect(ui.frame()).toContain('› ci-deploy');
    // Expiring first: the 2h token, then ci-deploy (72h), then the 720h ones; admin-cli's 120 years last.
    await ui.press('s', 'expiring first');
    expect(ui.frame()).toMatch(/short-lived[^\n]*\n[^\n]*› ci-deploy/);
    expect(ui.frame()).toContain('2/33');
    // By name: admin-cli, bulk-00…bulk-29, ci-deploy, short-lived.
    await ui.press('s', 'by name');
    expect(ui.frame()).toMatch(/bulk-29[^\n]*\n[^\n]*› ci-deploy/);
    expect(ui.frame()).toContain('32/33');
    await ui.press('s', 'oldest first');
    expect(ui.frame()).toContain('2/33');
    ui.unmount();
  });

  it('filters as you type by name, description, ID or permission; Esc clears', async () => {
    const { ui } = await open();
    await ui.press('/', '/ ');
    await ui.type('deploys');
    await ui.waitFor('1 of 33 tokens match');
    expect(ui.frame()).toContain('ci-deploy');
    expect(ui.frame()).not.toContain('short-lived');
    await ui.press(KEY.enter);
    await ui.press(KEY.escape, /33 tokens · \d+\/33/);
    await ui.press('/', '/ ');
    await ui.type('getorg');
    await ui.waitFor('1 of 33 tokens match');
    expect(ui.frame()).toContain('short-lived');
    await ui.press(KEY.escape, /33 tokens · \d+\/33/);
    ui.unmount();
  });

  it('opens the detail with every field and goes back with Esc', async () => {
    const { ui, writes } = await open();
    await ui.press('/', '/ ');
    await ui.type('ci-dep');
    await ui.press(KEY.enter);
    await ui.press(KEY.enter, 'Token ci-deploy');
    const frame = ui.frame();
    expect(frame).toContain('deploys from CI');
    expect(frame).toContain('ListAPITokens — listing API tokens');
    expect(frame).toContain('GetAPIToken — reading one API token');
    expect(frame).toMatch(/Created\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(frame).toMatch(/Expires\s+✓ \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(in 3d\)/);
    expect(frame).toMatch(/Lifetime used\s+\[[█░]{20}\] 0%/);
    // The wording is effects.ts's; it must not claim the text arrived (see osc52.ts).
    await ui.press('c', /the token ID to the clipboard/);
    expect(writes.join('')).toContain('\u001b]52;c;');
    await ui.press(KEY.escape, 'NAME');
    ui.unmount();
  });

  it('r refreshes: a token created elsewhere appears', async () => {
    const { ui } = await open();
    await world.addToken('appeared-later');
    await ui.press('r', '34 tokens');
    await ui.press('G', /› appeared-later/);
    ui.unmount();
  });

  it('says what to do when the server cannot be reached, and never crashes', async () => {
    const { store } = await world.store({ APPCLACKS_API_ENDPOINT: 'http://127.0.0.1:9' });
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('press r to retry');
    ui.unmount();
  });

  it('says the token from APPCLACKS_TOKEN was refused (401), and that no profile can help while it is set', async () => {
    const { store } = await world.store({ APPCLACKS_TOKEN: 'apc_not_a_real_token_at_all' });
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('APPCLACKS_TOKEN is set and was refused');
    expect(ui.frame()).not.toContain('press p to choose');
    expect(ui.frame()).toContain('APPCLACKS_TOKEN overrides profile admin');
    ui.unmount();
  });

  it('names the missing permission (403)', async () => {
    const narrow = await world.addToken('narrow', { permissions: ['GetOrganization'] });
    const { store } = await world.store({ APPCLACKS_TOKEN: narrow.token });
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('ListAPITokens');
    expect(ui.frame()).toContain('missing permission ListAPITokens');
    expect(ui.frame()).toContain('press p for a profile whose token has it');
    ui.unmount();
  });
});

describe('token list states without a server', () => {
  it('an empty list says how to create a token', async () => {
    const { store } = fakeStore();
    store.dispatch({ type: 'tokens/loaded', items: [] });
    const ui = await drive(store);
    await ui.waitFor('No tokens yet.');
    expect(ui.frame()).toContain('Press n to create one.');
    ui.unmount();
  });

  it('no credentials says how to get some', async () => {
    const { store } = fakeStore({ organizationId: undefined, token: undefined, profileName: undefined });
    const ui = await drive(store);
    await ui.waitFor('No credentials for this session.');
    expect(ui.frame()).toContain('Press p to choose or add a profile');
    ui.unmount();
  });

  it('while loading, says so', async () => {
    const { store } = fakeStore();
    store.dispatch({ type: 'tokens/loading' });
    const ui = await drive(store);
    await ui.waitFor('Loading tokens from 127.0.0.1:1');
    ui.unmount();
  });
});

describe('the token list at 80 columns', () => {
  it('keeps the permissions summary whole and leaves the description readable room', async () => {
    const { store } = fakeStore();
    store.dispatch({
      type: 'tokens/loaded',
      items: [token(1, { name: 'ci', description: 'deploys from CI', permissions: { actions: ['ListAPITokens', 'GetAPIToken'] } })],
    });
    const ui = await drive(store);
    await ui.waitFor('› ci');
    ui.resize({ columns: 80, rows: 24 });
    await waitUntil(() => ui.frame().split('\n').every((line) => line.length <= 80), () => `a frame 80 columns wide:\n${ui.frame()}`);
    const row = ui.frame().split('\n').find((line) => line.includes('› ci')) ?? '';
    expect(row.length).toBeLessThanOrEqual(80);
    expect(row).toContain('ListAPITokens +1');
    expect(row).toContain('deploys');
    ui.unmount();
  });
});

describe('names in wide characters', () => {
  const items = [
    token(1, { name: '日本語トークン🚀🔥 emoji', description: '説明文 with 絵文字 🎉' }),
    token(2, { name: 'plain' }),
    token(3, { name: 'a-much-longer-ascii-name-than-the-column' }),
  ];
  const idColumns = (frame: string) =>
    items.map((t) => {
      const line = frame.split('\n').find((l) => l.includes(t.id.slice(0, 8))) ?? '';
      return displayWidth(line.slice(0, line.indexOf(t.id.slice(0, 8))));
    });

  for (const columns of [80, 50]) {
    it(`keep every row's ID column at the same cell at ${columns} columns`, async () => {
      const { store } = fakeStore({}, {}, { columns, rows: 24 });
      store.dispatch({ type: 'tokens/loaded', items });
      const ui = await drive(store);
      ui.resize({ columns, rows: 24 });
      await ui.waitFor('3 tokens');
      const starts = idColumns(ui.frame());
      expect(new Set(starts).size, ui.frame()).toBe(1);
      expect(starts[0]).toBeGreaterThan(0);
      const header = ui.frame().split('\n').find((l) => l.includes('NAME')) ?? '';
      expect(displayWidth(header.slice(0, header.indexOf('ID ')))).toBe(starts[0]);
      for (const line of ui.frame().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      ui.unmount();
    });
  }
});

describe('a 10,000-token list', () => {
  it('renders only the visible window while the selection moves', async () => {
    const { store } = fakeStore();
    store.dispatch({ type: 'tokens/loaded', items: tokens(10_000) });
    const ui = await drive(store);
    await ui.waitFor('10000 tokens · 1/10000');
    const lineCount = () => ui.frame().split('\n').length;
    // rows 24 (ink-testing-library's default) less one: the frame never grows with the list.
    expect(lineCount()).toBe(23);
    await ui.press(KEY.pageDown, '/10000');
    await ui.press(KEY.end, '10000/10000');
    expect(ui.frame()).toContain('› token-9999');
    expect(ui.frame()).not.toContain('token-9000 ');
    expect(lineCount()).toBe(23);
    const rows = ui.frame().split('\n').filter((line) => /token-\d+/.test(line));
    expect(rows.length).toBeLessThanOrEqual(18);
    await ui.press(KEY.up, '9999/10000');
    await ui.press(KEY.home, '1/10000');
    expect(lineCount()).toBe(23);
    ui.unmount();
  });
});
