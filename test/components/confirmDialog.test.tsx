import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, KEY, startWorld, type World } from '../helpers/ui-harness';

describe('delete confirmation against the real server', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function openOn(name: string) {
    const { store } = await world.store();
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor(name);
    await ui.press('/', '/ ');
    await ui.type(name);
    await ui.waitFor(`› ${name}`);
    await ui.press(KEY.enter, '1 of');
    return { ui, store };
  }

  it('No is the default: Enter keeps the token', async () => {
    await world.addToken('keep-me');
    const { ui, store } = await openOn('keep-me');
    await ui.press('d', 'Delete token "keep-me"?');
    expect(ui.frame()).toContain('› [ No ]');
    await ui.press(KEY.enter, '1 of');
    const listed = await world.api.listTokens({ organizationId: world.account.organization.id, token: world.admin.token });
    expect(listed.map((t) => t.name)).toContain('keep-me');
    expect(store.getState().tokens.items.map((t) => t.name)).toContain('keep-me');
    ui.unmount();
  });

  it('a paste never answers the confirmation it opens: "dye" pasted in the list keeps the token', async () => {
    await world.addToken('pasted-over');
    const { ui, store } = await openOn('pasted-over');
    // One write, as a paste or keys merged over SSH arrive: "d" opens the dialog, "y" would say yes.
    await ui.press('dye\r', 'Delete token "pasted-over"?');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState().dialog?.kind).toBe('confirm-delete');
    // The same paste into the open dialog is ignored too.
    await ui.press('yes\r');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState().dialog?.kind).toBe('confirm-delete');
    const listed = await world.api.listTokens({ organizationId: world.account.organization.id, token: world.admin.token });
    expect(listed.map((t) => t.name)).toContain('pasted-over');
    // A key pressed on its own still answers.
    await ui.press('n', '1 of');
    expect(ui.frame()).toContain('pasted-over');
    ui.unmount();
  });

  it('n and Esc also say no', async () => {
    const { ui } = await openOn('keep-me');
    await ui.press('d', 'Delete token "keep-me"?');
    await ui.press('n', '1 of');
    await ui.press(KEY.delete, 'Delete token "keep-me"?');
    await ui.press(KEY.escape, '1 of');
    expect(ui.frame()).toContain('keep-me');
    ui.unmount();
  });

  it('Backspace is not Delete: it offers no delete in the list, and still erases in the filter', async () => {
    // ink names both keys `delete`; a slip of Backspace must not open a delete.
    const { ui, store } = await openOn('keep-me');
    await ui.press(KEY.backspace);
    await ui.press('j');
    expect(store.getState().dialog).toBeUndefined();
    expect(ui.frame()).not.toContain('Delete token');
    await ui.press('/', '/ keep-me');
    await ui.press(KEY.backspace, '/ keep-m');
    await ui.press(KEY.escape);
    await ui.press(KEY.delete, 'Delete token');
    ui.unmount();
  });

  it('Yes deletes it, and the list is current without a refresh', async () => {
    await world.addToken('remove-me');
    await world.addToken('after-it');
    const { store } = await world.store();
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('remove-me');
    while (!ui.frame().includes('› remove-me')) await ui.press('j');
    await ui.press('d', 'Delete token "remove-me"?');
    await ui.press(KEY.right, '› [ Yes ]');
    await ui.press(KEY.enter, 'Deleted token remove-me.');
    expect(ui.frame()).not.toContain(' remove-me ');
    expect(ui.frame()).toContain('› after-it');
    const listed = await world.api.listTokens({ organizationId: world.account.organization.id, token: world.admin.token });
    expect(listed.map((t) => t.name)).not.toContain('remove-me');
    ui.unmount();
  });

  it('from the detail screen, y deletes and goes back to the list', async () => {
    await world.addToken('detail-delete');
    const { ui } = await openOn('detail-delete');
    await ui.press(KEY.enter, 'Token detail-delete');
    await ui.press('d', 'Delete token "detail-delete"?');
    await ui.press('y', 'Deleted token detail-delete.');
    expect(ui.frame()).toContain('NAME');
    ui.unmount();
  });

  it("fits whole at the 50x12 minimum, the session token's warning included", async () => {
    const { ui } = await openOn('admin-cli');
    ui.resize({ columns: 50, rows: 12 });
    await ui.press('d', 'THIS SESSION signs in with this token');
    const frame = ui.frame();
    expect(frame).toContain('[ No ]');
    expect(frame).toMatch(/Anything using this token/);
    expect(frame).toMatch(/╰─+╯/);
    await ui.press('n');
    ui.unmount();
  });

  it("warns harder for the session's own token, then says its credentials are gone and offers the profiles", async () => {
    const { ui } = await openOn('admin-cli');
    await ui.press('d', 'THIS SESSION signs in with this token');
    await ui.press('y', "This session's token was deleted");
    await ui.waitFor('Profiles');
    expect(ui.frame()).toContain('credentials gone');
    await ui.press(KEY.escape, "This session's credentials no longer work.");
    ui.unmount();
  });

  it('a token from the environment is recognised exactly (token/current): the confirmation warns harder', async () => {
    const own = await world.addToken('env-own');
    const { store } = await world.store({ APPCLACKS_TOKEN: own.token });
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('env-own (this session)');
    expect(store.getState().session.tokenId).toBe(own.id);
    await ui.press('/', '/ ');
    await ui.type('env-own');
    await ui.press(KEY.enter, '1 of');
    await ui.press('d', 'Delete token "env-own"?');
    expect(ui.frame()).toContain('THIS SESSION');
    await ui.press('n', '1 of');
    ui.unmount();
  });
});

describe('delete confirmation against a server without the extensions', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ extensions: false });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('when the session token could not be recognised, a 401 after the delete still says the credentials are gone', async () => {
    const own = await world.addToken('from-env');
    const { store } = await world.store({ APPCLACKS_TOKEN: own.token });
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('from-env');
    expect(ui.frame()).not.toContain('(this session)');
    await ui.press('/', '/ ');
    await ui.type('from-env');
    await ui.press(KEY.enter, '1 of');
    await ui.press('d', 'Delete token "from-env"?');
    expect(ui.frame()).not.toContain('THIS SESSION');
    await ui.press('y', "This session's token was deleted");
    expect(ui.frame()).toContain('APPCLACKS_TOKEN sets it; restart without it');
    ui.unmount();
  });
});
