import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../src/config/store';
import { drive, KEY, startWorld, type World } from '../helpers/ui-harness';

describe('profile picker against the real server and a temp config file', () => {
  let world: World;
  let roSecret: string;
  beforeAll(async () => {
    world = await startWorld();
    const ro = await world.addToken('ro-cli', { permissions: ['ListAPITokens', 'GetAPIToken'], ttl: '720h' });
    roSecret = ro.token;
    await world.writeProfiles([{ name: 'ro', organizationId: world.account.organization.id, apiToken: ro.token }]);
  });
  afterAll(async () => {
    await world?.close();
  });

  async function openPicker(extraEnv = {}) {
    const { store } = await world.store(extraEnv);
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('admin-cli');
    await ui.press('p', /› admin\s+★ default/);
    return { ui, store };
  }

  it('lists every profile with default and active marked in words, and tokens masked', async () => {
    const { ui } = await openPicker();
    const frame = ui.frame();
    expect(frame).toMatch(/› admin\s+★ default ● active token ••••\w{4}  org \w{8}…/);
    expect(frame).toMatch(/ro\s+token ••••\w{4}  org/);
    expect(frame).toContain(`••••${roSecret.slice(-4)}`);
    expect(frame).not.toContain(roSecret);
    expect(frame).not.toContain(world.admin.token);
    await ui.press(KEY.escape, 'NAME');
    ui.unmount();
  });

  it('Enter uses a profile for this session only; m makes it the default in the file', async () => {
    const { ui, store } = await openPicker();
    await ui.press(KEY.down, /› ro/);
    await ui.press(KEY.enter, 'Using profile ro for this session.');
    await ui.waitFor('profile ro │');
    await ui.waitFor('ro-cli (this session)');
    expect(store.getState().screens).toEqual(['list']);
    expect(readFileSync(world.configPath, 'utf8')).toMatch(/default-profile: admin/);
    await ui.press('p', /› ro\s+● active/);
    await ui.press('m', 'ro is now the default profile');
    await ui.waitFor(/› ro\s+★ default ● active/);
    expect((await new ConfigStore(world.configPath).read()).defaultProfile).toBe('ro');
    expect(readFileSync(world.configPath, 'utf8')).toContain('admin:');
    await new ConfigStore(world.configPath).setDefaultProfile('admin');
    ui.unmount();
  });

  it('adding a profile runs the login flow: hidden password, a <name>-cli token for *, stored in the file', async () => {
    const { ui } = await openPicker();
    await ui.press('n', 'Add a profile');
    await ui.type('added');
    await ui.press(KEY.enter, /› Account email/);
    await ui.type(world.account.email);
    await ui.press(KEY.enter, /› Password/);
    await ui.type(world.account.password);
    expect(ui.frame()).not.toContain(world.account.password);
    await ui.press(KEY.enter, 'Added profile added (token added-cli).');
    await ui.waitFor(/› added/);
    const stored = (await new ConfigStore(world.configPath).read()).profiles.find((p) => p.name === 'added');
    expect(stored?.organizationId).toBe(world.account.organization.id);
    const tokens = await world.api.listTokens({ organizationId: world.account.organization.id, token: stored!.apiToken });
    expect(tokens.find((t) => t.name === 'added-cli')?.permissions.actions).toEqual(['*']);
    ui.unmount();
  });

  it('removing a profile asks first; No keeps it, Yes removes it from the file', async () => {
    await world.writeProfiles([{ name: 'doomed', organizationId: world.account.organization.id, apiToken: 'apc_doomed_token_xyz' }]);
    const { ui } = await openPicker();
    await ui.press('G', /› doomed/);
    await ui.press('d', 'Remove profile "doomed"?');
    await ui.press(KEY.enter, /› doomed/);
    expect(readFileSync(world.configPath, 'utf8')).toContain('doomed:');
    await ui.press('d', 'Remove profile "doomed"?');
    await ui.press('y', 'Removed profile doomed.');
    expect(readFileSync(world.configPath, 'utf8')).not.toContain('doomed:');
    ui.unmount();
  });

  it('marks an incomplete profile (no token) in words instead of showing a mask', async () => {
    // An empty api-token is read as incomplete, as a hand-edited file can leave it.
    await world.writeProfiles([{ name: 'halfway', organizationId: world.account.organization.id, apiToken: '' }]);
    const { ui } = await openPicker();
    expect(ui.frame()).toMatch(/halfway\s+⚠ incomplete/);
    expect(ui.frame()).not.toMatch(/halfway\s+token/);
    ui.unmount();
    await new ConfigStore(world.configPath).removeProfile('halfway');
  });

  it('says in words when an environment variable overrides the chosen profile', async () => {
    const { ui } = await openPicker({ APPCLACKS_TOKEN: world.admin.token });
    expect(ui.frame()).toContain('APPCLACKS_TOKEN set in the environment overrides');
    expect(ui.frame()).toContain('APPCLACKS_TOKEN overrides profile admin');
    expect(ui.frame()).toContain('creds: env APPCLACKS_TOKEN');
    ui.unmount();
  });
});

describe('the add-profile form', () => {
  it('Esc on a filled form asks before discarding it', async () => {
    const { fakeStore, drive: driveFake } = await import('../helpers/ui-harness');
    const { store } = fakeStore();
    store.dispatch({ type: 'screen/push', screen: 'profiles' });
    const ui = await driveFake(store);
    await ui.press('n', 'Add a profile');
    await ui.type('half');
    await ui.press(KEY.escape, 'Discard this new profile?');
    await ui.press(KEY.enter, 'Profile name: half');
    await ui.press(KEY.escape, 'Discard this new profile?');
    await ui.press('y', 'Profiles');
    expect(store.getState().addProfile.name).toBe('');
    ui.unmount();
  });
});

describe('profile names', () => {
  const org = '5a062154-dc9f-11ed-9cd1-673503b45134';
  const profiles = [
    { name: 'production-eu-west-1', organizationId: org, apiToken: 'apc_first_token_1111' },
    { name: 'production-eu-west-2', organizationId: org, apiToken: 'apc_second_token_2222' },
    { name: 'dev', organizationId: org, apiToken: 'apc_dev_token_3333' },
  ];

  async function picker(columns: number) {
    const { fakeStore, drive: driveFake } = await import('../helpers/ui-harness');
    const { store } = fakeStore({}, {}, { columns, rows: 24 });
    store.dispatch({ type: 'screen/push', screen: 'profiles' });
    store.dispatch({ type: 'profiles/loaded', items: profiles, defaultProfile: 'dev' });
    const ui = await driveFake(store);
    ui.resize({ columns, rows: 24 });
    await ui.waitFor('production-eu');
    return ui;
  }

  for (const columns of [80, 200]) {
    it(`are shown whole at ${columns} columns, with token and organization beside them`, async () => {
      const ui = await picker(columns);
      const frame = ui.frame();
      expect(frame).toMatch(/› production-eu-west-1 +token ••••1111 +org 5a062154…/);
      expect(frame).toMatch(/ {2}production-eu-west-2 +token ••••2222 +org 5a062154…/);
      expect(frame).toMatch(/ {2}dev {18}★ default +token ••••3333/);
      ui.unmount();
    });
  }

  it('at 50 columns give up the organization first, keep the token, and stay apart (cut in the middle)', async () => {
    const ui = await picker(50);
    const frame = ui.frame();
    const rows = frame.split('\n').filter((line) => line.includes('token ••••'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/› product…west-1 +token ••••1111$/);
    expect(rows[1]).toMatch(/ {2}product…west-2 +token ••••2222$/);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    ui.unmount();
  });
});
