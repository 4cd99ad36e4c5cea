import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, KEY, startWorld, type Driven, type World } from './harness';

describe('create wizard against the real server', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function openWizard(extraEnv = {}) {
    const { store, writes } = await world.store(extraEnv);
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('admin-cli');
    await ui.press('n', 'New token — Name (step 1 of');
    return { ui, store, writes };
  }

  async function toPermissions(ui: Driven, name: string) {
    await ui.type(name);
    await ui.press(KEY.enter, 'Description (step 2');
    await ui.type('made by a test');
    await ui.press(KEY.enter, 'Lifetime (step 3');
  }

  it('walks forward with a custom TTL and two permissions, asks for the account, creates, and shows the secret once', async () => {
    const { ui, store, writes } = await openWizard();
    await toPermissions(ui, 'wizard-made');
    expect(ui.frame()).toContain('› (•) 3 days (default)');
    expect(ui.frame()).toMatch(/3 days \(72h\): expires \d{4}-/);
    for (let i = 0; i < 5; i++) await ui.press(KEY.down);
    await ui.waitFor('› (•) custom:');
    await ui.type('1x');
    await ui.waitFor('unknown unit "x"');
    await ui.press(KEY.backspace, 'needs a unit');
    await ui.type('d12h');
    await ui.waitFor('1 day 12 hours (36h): expires');
    await ui.press(KEY.enter, 'Permissions (step 4 of 6)');
    await ui.press(KEY.enter, 'Choose at least one permission');
    await ui.press('j');
    await ui.press(KEY.space, 'Chosen: GetOrganization');
    await ui.press('j');
    await ui.press(KEY.space, 'Chosen: GetOrganization, ListAPITokens');
    await ui.press(KEY.enter, 'Account (step 5 of 6)');
    await ui.type(world.account.email);
    await ui.press(KEY.enter, 'Password:');
    await ui.type(world.account.password);
    expect(ui.frame()).not.toContain(world.account.password);
    expect(ui.frame()).toContain('•'.repeat(world.account.password.length));
    await ui.press(KEY.enter, 'Review (step 6 of 6)');
    expect(ui.frame()).toMatch(/Lifetime:\s+36h, expires/);
    expect(ui.frame()).toContain('Permissions: GetOrganization, ListAPITokens');
    await ui.press(KEY.enter, 'only time the secret is shown');
    const secret = store.getState().wizard.result?.token ?? '';
    expect(secret).toMatch(/^apc_/);
    expect(ui.frame()).toContain(secret);
    expect(store.getState().wizard.password).toBe('');
    await ui.press('c', 'Sent to the clipboard');
    expect(writes.at(-1)).toBe(`\u001b]52;c;${Buffer.from(secret).toString('base64')}\u0007`);
    // The new secret works.
    const listed = await world.api.listTokens({ organizationId: world.account.organization.id, token: secret });
    expect(listed.find((t) => t.name === 'wizard-made')?.permissions.actions.sort()).toEqual(['GetOrganization', 'ListAPITokens']);
    await ui.press(KEY.enter, 'NAME');
    // The list is current and the new token selected, without a refresh; the secret is gone.
    await ui.waitFor('› wizard-made');
    expect(ui.frame()).not.toContain(secret);
    ui.unmount();
  });

  it('Esc goes back a step and keeps what was typed', async () => {
    const { ui } = await openWizard();
    await toPermissions(ui, 'back-and-forth');
    await ui.press(KEY.escape, 'Description (step 2');
    expect(ui.frame()).toContain('made by a test');
    await ui.press(KEY.escape, 'Name (step 1');
    expect(ui.frame()).toContain('back-and-forth');
    await ui.press(KEY.enter, 'Description (step 2');
    ui.unmount();
  });

  it('leaving a filled wizard asks first; No keeps the draft, Yes discards it', async () => {
    const { ui } = await openWizard();
    await ui.type('draft');
    await ui.press(KEY.escape, 'Discard this new token?');
    await ui.press(KEY.enter, 'draft');
    expect(ui.frame()).toContain('Name (step 1');
    await ui.press(KEY.escape, 'Discard this new token?');
    await ui.press('y', 'NAME');
    ui.unmount();
  });

  it('an empty wizard leaves at once, and q is typed into a field rather than quitting', async () => {
    const { ui } = await openWizard();
    await ui.type('q?');
    expect(ui.frame()).toContain('Name: q?');
    expect(ui.exits).toBe(0);
    await ui.press(KEY.backspace);
    await ui.press(KEY.backspace, 'e.g. ci-deploy');
    await ui.press(KEY.escape, 'NAME');
    ui.unmount();
  });

  it('with the account in the environment, skips the account step; a wrong password keeps the draft', async () => {
    const { ui } = await openWizard({ APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: 'wrong password!' });
    await toPermissions(ui, 'env-account');
    await ui.press(KEY.enter, 'Permissions (step 4 of 5)');
    await ui.press(KEY.space, 'Chosen: *');
    await ui.press(KEY.enter, 'Review (step 5 of 5)');
    expect(ui.frame()).toContain('(from APPCLACKS_ACCOUNT_EMAIL)');
    await ui.press(KEY.enter, 'the email or password was refused');
    expect(ui.frame()).toContain('Name:        env-account');
    ui.unmount();
  });

  it('offers saving the new token as a profile, written through the config store', async () => {
    const { ui } = await openWizard({ APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password });
    await toPermissions(ui, 'saved');
    await ui.press(KEY.enter, 'Permissions (step 4');
    await ui.press(KEY.space, 'Chosen: *');
    await ui.press(KEY.enter, 'Review');
    await ui.press(KEY.enter, 'only time the secret is shown');
    await ui.press('s', 'Save as profile named: saved');
    await ui.type('-profile');
    await ui.press(KEY.enter, 'Saved as profile saved-profile.');
    const file = readFileSync(world.configPath, 'utf8');
    expect(file).toContain('saved-profile:');
    expect(file).toContain('admin:');
    ui.unmount();
  });
});
