import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppclacksApi } from '../../src/api/types';
import { resolveContext } from '../../src/config/resolve';
import type { Env } from '../../src/config/types';
import { initialState } from '../../src/state/reducer';
import { RESULT_SETTLE_MS } from '../../src/state/selectors';
import { createStore } from '../../src/state/store';
import { buildStoreDeps } from '../../src/tui/deps';
import { sessionFromContext } from '../../src/tui/session';
import { drive, KEY, startWorld, type Driven, type World } from '../helpers/ui-harness';

/** The store's clock, moved by hand: the result step's keys wait RESULT_SETTLE_MS by it. */
class FakeClock {
  now = Date.now();
  readonly read = () => this.now;
  settle() {
    this.now += RESULT_SETTLE_MS;
  }
}

/** The server's API, with createToken held until `release()`: a slow server, as far as the UI can tell. */
function slowCreate(api: AppclacksApi) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow = new Proxy(api, {
    get(target, name) {
      if (name === 'createToken') {
        return async (...args: Parameters<AppclacksApi['createToken']>) => {
          await gate;
          return target.createToken(...args);
        };
      }
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { api: slow, release };
}

/** Keys that must do nothing have no frame to wait for: give them time to arrive (a lone Esc comes a tick late). */
const keysArrive = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('create wizard against the real server', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** A store wired as runTui wires it (see world.store), with a fake clock and, optionally, another API. */
  async function openWizard(extraEnv: Env = {}, options: { api?: AppclacksApi } = {}) {
    const env = { ...world.env, ...extraEnv };
    const ctx = await resolveContext({ flags: {}, env });
    const clock = new FakeClock();
    const writes: string[] = [];
    const deps = buildStoreDeps({ ctx, flags: {}, env, api: options.api ?? world.api, clock: clock.read, writeTerminal: (w) => writes.push(w) });
    const store = createStore(deps, initialState(sessionFromContext(ctx), { columns: 100, rows: 24 }));
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('admin-cli');
    await ui.press('n', 'New token — Name (step 1 of');
    return { ui, store, writes, clock };
  }

  const envAccount = () => ({ APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password });

  /** With the account in the environment: five steps, every call allowed. */
  async function toReview(ui: Driven, name: string) {
    await toPermissions(ui, name);
    await ui.press(KEY.enter, 'Permissions (step 4 of 5)');
    await ui.press(KEY.space, 'Chosen: *');
    await ui.press(KEY.enter, 'Review (step 5 of 5)');
  }

  async function toPermissions(ui: Driven, name: string) {
    await ui.type(name);
    await ui.press(KEY.enter, 'Description (step 2');
    await ui.type('made by a test');
    await ui.press(KEY.enter, 'Lifetime (step 3');
  }

  it('walks forward with a custom TTL and two permissions, asks for the account, creates, and shows the secret once', async () => {
    const { ui, store, writes, clock } = await openWizard();
    await toPermissions(ui, 'wizard-made');
    expect(ui.frame()).toContain('› (•) 3 days (default)');
    expect(ui.frame()).toMatch(/3 days \(72h\): expires \d{4}-/);
    for (let i = 0; i < 5; i++) await ui.press(KEY.down);
    await ui.waitFor('› (•) custom:');
    await ui.type('1x');
    await ui.waitFor('unknown unit "x"');
    await ui.press(KEY.backspace, 'needs a unit');
    // Accepted (the CLI's rule), but a token that expires before it can be used is said so.
    await ui.type('s');
    await ui.waitFor(/⚠ .*\(1s\): under a minute: the token expires almost at once/);
    // Sub-second: said as the server applies it, never rounded into a whole second.
    await ui.type('500ms');
    await ui.waitFor('⚠ 1 second 500 milliseconds (1s500ms): under a minute');
    for (let i = 0; i < 5; i++) await ui.press(KEY.backspace);
    await ui.waitFor('(1s): under a minute');
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
    clock.settle();
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

  it('a long name is shown whole on the review, and the result keeps the new ID', async () => {
    const { ui } = await openWizard(envAccount());
    ui.resize({ columns: 80, rows: 24 });
    const name = 'production-eu-west-1-terraform-state-writer for the platform team, rotated monthly by the ci pipeline';
    await toReview(ui, name);
    // 80 columns: the name wraps under its label rather than losing its end.
    const review = ui.frame().split('\n');
    const first = review.findIndex((line) => line.startsWith('Name:        '));
    const continued = review.slice(first + 1).findIndex((line) => !line.startsWith(' '.repeat(13)));
    const nameLines = review.slice(first, first + 1 + continued).map((line) => line.slice(13).trimEnd());
    expect(nameLines.length, ui.frame()).toBeGreaterThan(1);
    expect(nameLines.join(' '), ui.frame()).toBe(name);
    await ui.press(KEY.enter, 'only time the secret is shown');
    expect(ui.frame()).toMatch(/✓ Created [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}: production-/);
    ui.unmount();
  });

  it('offers saving the new token as a profile, written through the config store', async () => {
    const { ui, clock } = await openWizard(envAccount());
    await toPermissions(ui, 'saved one');
    await ui.press(KEY.enter, 'Permissions (step 4');
    await ui.press(KEY.space, 'Chosen: *');
    await ui.press(KEY.enter, 'Review');
    await ui.press(KEY.enter, 'only time the secret is shown');
    clock.settle();
    // The token's name with its blank made typeable; a typed blank is refused, and says so.
    await ui.press('s', 'Save as profile named: saved-one');
    await ui.press(' ', 'Space not typed: a profile name cannot contain spaces');
    expect(ui.frame()).toContain('Save as profile named: saved-one▏');
    await ui.type('-profile');
    await ui.press(KEY.enter, 'Saved as profile saved-one-profile.');
    const file = readFileSync(world.configPath, 'utf8');
    expect(file).toContain('saved-one-profile:');
    expect(file).toContain('admin:');
    // Saved, so leaving asks nothing.
    await ui.press(KEY.enter, 'NAME');
    ui.unmount();
  });

  it('while the token is being created, Esc, y, q and Enter do nothing, and the secret still arrives on the result step', async () => {
    const slow = slowCreate(world.api);
    const { ui, store } = await openWizard(envAccount(), { api: slow.api });
    await toReview(ui, 'race');
    await ui.press(KEY.enter, 'Creating the token…');
    // Only Ctrl+C is offered while the request is in flight.
    const footer = ui.frame().split('\n').at(-1) ?? '';
    expect(footer).toMatch(/^Ctrl\+C quit now\s*$/);
    // Before the fix: back four steps, the discard question, y, then q quit.
    for (let i = 0; i < 5; i++) await ui.press(KEY.escape);
    for (const key of ['y', 'q', KEY.enter]) await ui.press(key);
    await keysArrive();
    expect(store.getState()).toMatchObject({ screens: ['list', 'wizard'], wizard: { step: 'review', busy: true } });
    expect(store.getState().dialog).toBeUndefined();
    expect(ui.exits).toBe(0);
    slow.release();
    await ui.waitFor('only time the secret is shown');
    const secret = store.getState().wizard.result?.token ?? '';
    expect(secret).toMatch(/^apc_/);
    expect(ui.frame()).toContain(secret);
    expect(store.getState().screens).toEqual(['list', 'wizard']);
    ui.unmount();
  });

  it('ignores keys for a moment after the secret appears, then asks before leaving it uncopied and unsaved', async () => {
    const { ui, store, clock } = await openWizard(envAccount());
    await toReview(ui, 'double-enter');
    // Enter, then Enter again at once: the second one must not leave the secret unseen.
    await ui.press(KEY.enter, 'only time the secret is shown');
    for (const key of [KEY.enter, KEY.escape, 'q', 'c', 's', '?']) await ui.press(key);
    await keysArrive();
    expect(store.getState()).toMatchObject({ screens: ['list', 'wizard'], helpOpen: false, wizard: { step: 'result', copied: false } });
    expect(store.getState().dialog).toBeUndefined();
    expect(store.getState().wizard.saveAs).toBeUndefined();
    expect(ui.exits).toBe(0);

    clock.settle();
    await ui.press(KEY.enter, 'The secret will not be shown again. Leave anyway?');
    // No is the default: Enter keeps the secret on screen.
    await ui.press(KEY.enter, 'only time the secret is shown');
    expect(store.getState().dialog).toBeUndefined();
    await ui.press(KEY.escape, 'Leave anyway?');
    await ui.press('n', 'only time the secret is shown');
    // q asks too, and q in the question means No rather than quitting.
    await ui.press('q', 'Yes quits appclacks.');
    await ui.press('q', 'only time the secret is shown');
    expect(ui.exits).toBe(0);
    await ui.press('q', 'Leave anyway?');
    await ui.press('y');
    expect(ui.exits).toBe(1);
    ui.unmount();
  });

  it('leaves the result step at once when the secret was copied', async () => {
    const { ui, clock } = await openWizard(envAccount());
    await toReview(ui, 'copied-then-done');
    await ui.press(KEY.enter, 'only time the secret is shown');
    clock.settle();
    await ui.press('c', 'Sent to the clipboard');
    await ui.press(KEY.escape, '› copied-then-done');
    ui.unmount();
  });

  it('q in a filled wizard on a step without a text field asks first; q in the question is No, y quits', async () => {
    const { ui, store } = await openWizard();
    await toPermissions(ui, 'quit-draft');
    await ui.press('q', 'Discard this new token?');
    expect(ui.frame()).toContain('Yes quits appclacks.');
    await ui.press('q', 'Lifetime (step 3');
    expect(store.getState().dialog).toBeUndefined();
    await ui.press(KEY.enter, 'Permissions (step 4');
    await ui.press('q', 'Discard this new token?');
    await ui.press('y');
    expect(ui.exits).toBe(1);
    ui.unmount();
  });

  it('the lifetime presets are a choice list: ↑/k stop at the top rather than wrap, and 2 picks the second and moves on', async () => {
    const { ui, store } = await openWizard();
    await toPermissions(ui, 'picked-by-digit');
    for (let i = 0; i < 3; i++) await ui.press('k');
    await ui.press(KEY.up, '› (•) 1 hour');
    expect(store.getState().wizard.lifetimeChoice).toBe(0);
    expect(ui.frame()).not.toContain('› (•) custom');
    await ui.press('2', 'Permissions (step 4');
    await ui.press(KEY.escape, 'Lifetime (step 3');
    expect(ui.frame()).toContain('› (•) 1 day');
    ui.unmount();
  });

  it('holding j down to the custom lifetime moves there without typing j; j and k keep moving from it', async () => {
    const { ui, store } = await openWizard();
    await toPermissions(ui, 'custom-ttl');
    for (let i = 0; i < 8; i++) await ui.press('j');
    await ui.waitFor('› (•) custom: ▏');
    expect(store.getState().wizard.customTtl).toBe('');
    await ui.type('2h');
    await ui.waitFor('2 hours (2h): expires');
    await ui.press('k', '› (•) 1 year');
    await ui.press('j', '› (•) custom: 2h▏');
    expect(store.getState().wizard.customTtl).toBe('2h');
    ui.unmount();
  });

});
