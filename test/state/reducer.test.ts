import { describe, expect, it } from 'vitest';
import { listViewportRows } from '../../src/state/layout';
import { CUSTOM_LIFETIME, DEFAULT_LIFETIME_CHOICE } from '../../src/state/lifetimes';
import { emptyWizard, profileNameFor, reducer, wizardTtl } from '../../src/state/reducer';
import { RESULT_SETTLE_MS, resultSettled, secretAtStake, visibleTokens } from '../../src/state/selectors';
import type { Action, State } from '../../src/state/types';
import { PERMISSIONS } from '../../src/tokens';
import { NOW, SESSION, stateWith, token, tokens } from './fixtures';

function run(state: State, ...actions: Action[]): State {
  return actions.reduce(reducer, state);
}

const loaded = (count: number, patch: Partial<State> = {}) => run(stateWith(patch), { type: 'tokens/loaded', items: tokens(count) });
const viewport = listViewportRows({ columns: 100, rows: 24 });

describe('reducer: terminal and session', () => {
  it('resize stores the size and keeps the selection in the smaller window', () => {
    const s = run(loaded(100), { type: 'tokens/jump', to: 'end' }, { type: 'resize', size: { columns: 60, rows: 14 } });
    expect(s.size).toEqual({ columns: 60, rows: 14 });
    expect(s.tokens.selection).toBe(99);
    expect(s.tokens.scroll).toBe(100 - listViewportRows(s.size));
  });

  it('session/set swaps credentials and empties the list of the previous profile', () => {
    const s = run(loaded(5), { type: 'session/gone' }, { type: 'session/set', session: { ...SESSION, profileName: { value: 'ro', source: { kind: 'flag', name: '--profile' } } } });
    expect(s.session.profileName?.value).toBe('ro');
    expect(s.session.credentialsGone).toBe(false);
    expect(s.tokens.items).toEqual([]);
    expect(s.tokens.status).toBe('idle');
  });

  it('session/gone marks the credentials unusable', () => {
    expect(run(stateWith(), { type: 'session/gone' }).session.credentialsGone).toBe(true);
  });

  it('session/token-id records which token the session uses', () => {
    expect(run(stateWith(), { type: 'session/token-id', tokenId: 'abc' }).session.tokenId).toBe('abc');
  });
});

describe('reducer: token list', () => {
  it('tokens/loading keeps the old rows while refreshing', () => {
    const s = run(loaded(3), { type: 'tokens/loading' });
    expect(s.tokens.status).toBe('loading');
    expect(s.tokens.items).toHaveLength(3);
  });

  it('tokens/loaded selects the requested token', () => {
    const s = run(stateWith(), { type: 'tokens/loaded', items: tokens(50), selectId: token(42).id });
    expect(s.tokens.selection).toBe(42);
    expect(s.tokens.scroll).toBeLessThanOrEqual(42);
    expect(s.tokens.scroll + viewport).toBeGreaterThan(42);
  });

  it('tokens/loaded clears a filter that would hide the token just created, and selects it', () => {
    const items = tokens(20);
    const filtered = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'filter/input', text: items[3]!.name });
    expect(visibleTokens(filtered).map((t) => t.id)).not.toContain(items[17]!.id);
    const s = run(filtered, { type: 'tokens/loaded', items, selectId: items[17]!.id });
    expect(s.tokens.filter).toBe('');
    expect(visibleTokens(s)[s.tokens.selection]?.id).toBe(items[17]!.id);
  });

  it('tokens/loaded keeps a filter that already shows the token just created', () => {
    const items = tokens(20);
    const filtered = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'filter/input', text: items[17]!.name });
    const s = run(filtered, { type: 'tokens/loaded', items, selectId: items[17]!.id });
    expect(s.tokens.filter).toBe(items[17]!.name);
    expect(visibleTokens(s)[s.tokens.selection]?.id).toBe(items[17]!.id);
  });

  it('tokens/sort cycles oldest first, expiring first, by name, and keeps the same token selected', () => {
    const items = [
      token(0, { name: 'zeta', 'created-at': '2026-11-01T00:00:00Z', 'expires-at': '2027-01-01T00:00:00Z' }),
      token(1, { name: 'Alpha', 'created-at': '2026-11-02T00:00:00Z', 'expires-at': '2026-11-20T00:00:00Z' }),
      token(2, { name: 'token-10', 'created-at': '2026-11-03T00:00:00.5Z', 'expires-at': '2026-12-01T00:00:00Z' }),
      token(3, { name: 'token-9', 'created-at': '2026-11-03T00:00:00Z', 'expires-at': '2028-01-01T00:00:00Z' }),
    ];
    const names = (s: State) => visibleTokens(s).map((t) => t.name);
    const start = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'tokens/move', delta: 1 });
    expect(start.tokens.sort).toBe('created');
    expect(names(start)).toEqual(['zeta', 'Alpha', 'token-9', 'token-10']);
    expect(visibleTokens(start)[start.tokens.selection]?.name).toBe('Alpha');

    const byExpiry = run(start, { type: 'tokens/sort' });
    expect(byExpiry.tokens.sort).toBe('expiry');
    expect(names(byExpiry)).toEqual(['Alpha', 'token-10', 'zeta', 'token-9']);
    expect(visibleTokens(byExpiry)[byExpiry.tokens.selection]?.name).toBe('Alpha');

    const byName = run(byExpiry, { type: 'tokens/sort' });
    expect(names(byName)).toEqual(['Alpha', 'token-9', 'token-10', 'zeta']);
    expect(run(byName, { type: 'tokens/sort' }).tokens.sort).toBe('created');
  });

  it('tokens/sort applies to the filtered rows, and survives a refresh and a profile switch', () => {
    const items = [token(0, { name: 'b-one' }), token(1, { name: 'a-two' }), token(2, { name: 'c-three' })];
    const sorted = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'tokens/sort' }, { type: 'tokens/sort' }, { type: 'filter/input', text: '-t' });
    expect(visibleTokens(sorted).map((t) => t.name)).toEqual(['a-two', 'c-three']);
    expect(run(sorted, { type: 'tokens/loaded', items: [...items] }).tokens.sort).toBe('name');
    expect(run(sorted, { type: 'session/set', session: SESSION }).tokens.sort).toBe('name');
  });

  it('tokens/loaded makes names and descriptions safe to draw: control characters cannot reach the terminal', () => {
    const hostile = token(0, { name: 'esc\u001b]52;c;ZXZpbA==\u0007', description: 'line1\nline2\u009b\u202e' });
    const s = run(stateWith(), { type: 'tokens/loaded', items: [hostile, token(1)] });
    expect(s.tokens.items[0]).toMatchObject({ id: hostile.id, name: 'esc^[]52;c;ZXZpbA==^G', description: 'line1^Jline2\ufffd\ufffd' });
    expect(s.tokens.items[1]).toBe(s.tokens.items[1]);
    expect(s.tokens.items[1]!.name).toBe('token-1');
  });

  it('tokens/loaded clamps the selection when the list shrank', () => {
    const s = run(loaded(10), { type: 'tokens/jump', to: 'end' }, { type: 'tokens/loaded', items: tokens(4) });
    expect(s.tokens.selection).toBe(3);
  });

  it('tokens/failed keeps rows and stores the error', () => {
    const s = run(loaded(2), { type: 'tokens/failed', error: { kind: 'error', text: 'down' } });
    expect(s.tokens.status).toBe('error');
    expect(s.tokens.error?.text).toBe('down');
    expect(s.tokens.items).toHaveLength(2);
  });

  it('tokens/removed drops the row and selects the next one', () => {
    const s = run(loaded(5), { type: 'tokens/move', delta: 2 }, { type: 'tokens/removed', id: token(2).id });
    expect(s.tokens.items.map((t) => t.name)).toEqual(['token-0', 'token-1', 'token-3', 'token-4']);
    expect(s.tokens.selection).toBe(2);
    const last = run(loaded(3), { type: 'tokens/jump', to: 'end' }, { type: 'tokens/removed', id: token(2).id });
    expect(last.tokens.selection).toBe(1);
  });

  it('tokens/move stays inside the list', () => {
    expect(run(loaded(3), { type: 'tokens/move', delta: -1 }).tokens.selection).toBe(0);
    expect(run(loaded(3), { type: 'tokens/move', delta: 5 }).tokens.selection).toBe(2);
    expect(run(stateWith(), { type: 'tokens/move', delta: 1 }).tokens.selection).toBe(0);
  });

  it('tokens/move scrolls only when the selection leaves the window', () => {
    let s = loaded(100);
    for (let i = 0; i < viewport - 1; i++) s = reducer(s, { type: 'tokens/move', delta: 1 });
    expect(s.tokens.scroll).toBe(0);
    s = reducer(s, { type: 'tokens/move', delta: 1 });
    expect(s.tokens.scroll).toBe(1);
  });

  it('tokens/page moves a window at a time', () => {
    const s = run(loaded(100), { type: 'tokens/page', direction: 1 });
    expect(s.tokens.selection).toBe(viewport);
    expect(s.tokens.scroll).toBe(viewport);
    expect(run(s, { type: 'tokens/page', direction: -1 }).tokens.selection).toBe(0);
  });

  it('tokens/jump goes to either end', () => {
    const end = run(loaded(100), { type: 'tokens/jump', to: 'end' });
    expect(end.tokens.selection).toBe(99);
    expect(run(end, { type: 'tokens/jump', to: 'start' }).tokens).toMatchObject({ selection: 0, scroll: 0 });
  });
});

describe('reducer: filter', () => {
  const items = [
    token(1, { name: 'deploy', description: 'ci' }),
    token(2, { name: 'reader', permissions: { actions: ['GetOrganization'] } }),
    token(3, { name: 'other', description: 'for deploys' }),
  ];
  const base = run(stateWith(), { type: 'tokens/loaded', items });

  it('filter/start, filter/input match name, description, ID and permission', () => {
    const typed = (text: string) => run(base, { type: 'filter/start' }, { type: 'filter/input', text });
    expect(typed('deploy').tokens.filterEditing).toBe(true);
    expect(visibleTokens(typed('deploy')).map((t) => t.name)).toEqual(['deploy', 'other']);
    expect(visibleTokens(typed('getorg')).map((t) => t.name)).toEqual(['reader']);
    expect(visibleTokens(typed(token(3).id.slice(0, 8))).map((t) => t.name)).toEqual(['other']);
  });

  it('filter/backspace widens the match again', () => {
    const s = run(base, { type: 'filter/input', text: 'readx' }, { type: 'filter/backspace' });
    expect(s.tokens.filter).toBe('read');
    expect(visibleTokens(s)).toHaveLength(1);
  });

  it('filter/done keeps the filter but stops typing into it', () => {
    const s = run(base, { type: 'filter/start' }, { type: 'filter/input', text: 'o' }, { type: 'filter/done' });
    expect(s.tokens).toMatchObject({ filter: 'o', filterEditing: false });
  });

  it('filter/clear restores the whole list with the same token selected', () => {
    const s = run(base, { type: 'filter/input', text: 'other' }, { type: 'filter/clear' });
    expect(s.tokens.filter).toBe('');
    expect(visibleTokens(s)[s.tokens.selection]?.name).toBe('other');
  });
});

describe('reducer: screens, help, messages, dialogs', () => {
  it('screen/push, screen/pop and screen/replace keep a non-empty stack', () => {
    const s = run(stateWith(), { type: 'screen/push', screen: 'profiles' });
    expect(s.screens).toEqual(['list', 'profiles']);
    expect(run(s, { type: 'screen/replace', screen: 'login' }).screens).toEqual(['list', 'login']);
    expect(run(s, { type: 'screen/pop' }, { type: 'screen/pop' }).screens).toEqual(['list']);
  });

  it('detail/open opens the selected token, and nothing on an empty list', () => {
    const s = run(loaded(3), { type: 'tokens/move', delta: 1 }, { type: 'detail/open' });
    expect(s.screens).toEqual(['list', 'detail']);
    expect(s.tokens.detailId).toBe(token(1).id);
    expect(run(stateWith(), { type: 'detail/open' }).screens).toEqual(['list']);
  });

  it('help/toggle and help/close', () => {
    const open = run(stateWith(), { type: 'help/toggle' });
    expect(open.helpOpen).toBe(true);
    expect(run(open, { type: 'help/toggle' }).helpOpen).toBe(false);
    expect(run(open, { type: 'help/close' }).helpOpen).toBe(false);
  });

  it('message/set, message/clear and busy', () => {
    const s = run(stateWith(), { type: 'message/set', message: { kind: 'info', text: 'hi' } }, { type: 'busy', label: 'Deleting…' });
    expect(s.message?.text).toBe('hi');
    expect(s.busy).toBe('Deleting…');
    expect(run(s, { type: 'message/clear' }, { type: 'busy', label: undefined })).toMatchObject({ message: undefined, busy: undefined });
  });

  it('dialog/open-delete names the selected token, defaults to No, and knows the session token', () => {
    const s = run(loaded(3), { type: 'session/token-id', tokenId: token(1).id }, { type: 'tokens/move', delta: 1 }, { type: 'dialog/open-delete' });
    expect(s.dialog).toEqual({ kind: 'confirm-delete', tokenId: token(1).id, tokenName: 'token-1', isSessionToken: true, choice: 'no' });
    const other = run(loaded(3), { type: 'dialog/open-delete' });
    expect(other.dialog).toMatchObject({ tokenName: 'token-0', isSessionToken: false });
  });

  it('dialog/open-delete on the detail screen names the token shown', () => {
    const s = run(loaded(3), { type: 'tokens/move', delta: 2 }, { type: 'detail/open' }, { type: 'tokens/move', delta: -2 }, { type: 'dialog/open-delete' });
    expect(s.dialog).toMatchObject({ tokenName: 'token-2' });
  });

  it('dialog/open-leave-wizard, dialog/open-leave-login and dialog/open-remove-profile default to No', () => {
    expect(run(stateWith(), { type: 'dialog/open-leave-wizard' }).dialog).toEqual({ kind: 'confirm-leave-wizard', leaveTo: 'list', choice: 'no' });
    expect(run(stateWith(), { type: 'dialog/open-leave-wizard', leaveTo: 'quit' }).dialog).toEqual({ kind: 'confirm-leave-wizard', leaveTo: 'quit', choice: 'no' });
    expect(run(stateWith(), { type: 'dialog/open-leave-login' }).dialog).toEqual({ kind: 'confirm-leave-login', choice: 'no' });
    const s = run(stateWith(), { type: 'profiles/loaded', items: [{ name: 'a', organizationId: 'o', apiToken: 't' }] }, { type: 'dialog/open-remove-profile' });
    expect(s.dialog).toEqual({ kind: 'confirm-remove-profile', profileName: 'a', choice: 'no' });
  });

  it('dialog/open-leave-result defaults to No, and closes the help so the question is seen', () => {
    const s = run(stateWith(), { type: 'help/toggle' }, { type: 'dialog/open-leave-result', leaveTo: 'quit' });
    expect(s.dialog).toEqual({ kind: 'confirm-leave-result', leaveTo: 'quit', choice: 'no' });
    expect(s.helpOpen).toBe(false);
    expect(run(stateWith(), { type: 'dialog/open-leave-result' }).dialog).toMatchObject({ leaveTo: 'list', choice: 'no' });
  });

  it('app/interrupted marks the state, for the exit code 130', () => {
    expect(stateWith().interrupted).toBeFalsy();
    expect(run(stateWith(), { type: 'app/interrupted' }).interrupted).toBe(true);
  });

  it('dialog/choose, dialog/toggle and dialog/close', () => {
    const s = run(stateWith(), { type: 'dialog/open-leave-wizard' });
    expect(run(s, { type: 'dialog/choose', choice: 'yes' }).dialog?.choice).toBe('yes');
    expect(run(s, { type: 'dialog/toggle' }).dialog?.choice).toBe('yes');
    expect(run(s, { type: 'dialog/toggle' }, { type: 'dialog/toggle' }).dialog?.choice).toBe('no');
    expect(run(s, { type: 'dialog/close' }).dialog).toBeUndefined();
  });
});

describe('reducer: profiles', () => {
  const profiles = ['a', 'work', 'z'].map((name) => ({ name, organizationId: `org-${name}`, apiToken: `secret-${name}` }));

  it('profiles/loading then profiles/loaded selects the active profile', () => {
    const s = run(stateWith(), { type: 'profiles/loading' }, { type: 'profiles/loaded', items: profiles, defaultProfile: 'a' });
    expect(s.profiles).toMatchObject({ status: 'loaded', defaultProfile: 'a', selection: 1 });
  });

  it('profiles/loaded can select a named profile', () => {
    expect(run(stateWith(), { type: 'profiles/loaded', items: profiles, selectName: 'z' }).profiles.selection).toBe(2);
  });

  it('profiles/failed keeps the error', () => {
    expect(run(stateWith(), { type: 'profiles/failed', error: { kind: 'error', text: 'bad yaml' } }).profiles).toMatchObject({ status: 'error' });
  });

  it('profiles/move and profiles/jump stay inside the list', () => {
    const s = run(stateWith(), { type: 'profiles/loaded', items: profiles, selectName: 'a' });
    expect(run(s, { type: 'profiles/move', delta: -1 }).profiles.selection).toBe(0);
    expect(run(s, { type: 'profiles/move', delta: 9 }).profiles.selection).toBe(2);
    expect(run(s, { type: 'profiles/jump', to: 'end' }).profiles.selection).toBe(2);
    expect(run(s, { type: 'profiles/jump', to: 'end' }, { type: 'profiles/jump', to: 'start' }).profiles.selection).toBe(0);
  });
});

describe('reducer: create wizard', () => {
  const started = run(stateWith(), { type: 'wizard/start' });
  const typed = (s: State, text: string) => run(s, { type: 'wizard/input', text });

  it('wizard/start opens an empty draft with the default lifetime', () => {
    expect(started.screens).toEqual(['list', 'wizard']);
    expect(started.wizard).toEqual(emptyWizard());
    expect(started.wizard.lifetimeChoice).toBe(DEFAULT_LIFETIME_CHOICE);
    expect(wizardTtl(started.wizard)).toMatchObject({ ok: true, value: '72h' });
  });

  it('wizard/input and wizard/backspace edit the field of the current step', () => {
    const s = run(typed(started, 'ci\u0007-x'), { type: 'wizard/backspace' });
    expect(s.wizard.name).toBe('ci-');
  });

  it('wizard/next refuses an empty name and keeps the step', () => {
    const s = run(started, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('name');
    expect(s.message?.kind).toBe('error');
  });

  it('walks name → description → lifetime → permissions → account → review, and back', () => {
    let s = run(typed(started, 'ci'), { type: 'wizard/next' });
    expect(s.wizard.step).toBe('description');
    s = run(typed(s, 'for CI'), { type: 'wizard/next' });
    expect(s.wizard.step).toBe('lifetime');
    s = run(s, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('permissions');
    s = run(s, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('permissions');
    expect(s.message?.text).toMatch(/at least one permission/);
    s = run(s, { type: 'wizard/toggle-permission' }, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('account');
    s = run(s, { type: 'wizard/next' });
    expect(s.message?.text).toMatch(/email/);
    s = run(typed(s, 'a@b.c'), { type: 'wizard/next' });
    expect(s.wizard.accountField).toBe('password');
    s = run(typed(s, 'pw'), { type: 'wizard/next' });
    expect(s.wizard.step).toBe('review');
    expect(s.wizard.password).toBe('pw');
    const steps: string[] = [];
    for (let i = 0; i < 6; i++) {
      s = run(s, { type: 'wizard/back' });
      steps.push(`${s.wizard.step}${s.wizard.step === 'account' ? `:${s.wizard.accountField}` : ''}`);
    }
    expect(steps).toEqual(['account:password', 'account:email', 'permissions', 'lifetime', 'description', 'name']);
    expect(s.wizard).toMatchObject({ name: 'ci', description: 'for CI', email: 'a@b.c', permissions: ['*'] });
  });

  it('skips the account step when the environment has the email and password', () => {
    const env = stateWith({}, { email: { value: 'a@b.c', source: { kind: 'env', name: 'APPCLACKS_ACCOUNT_EMAIL' } }, password: { value: 'x', source: { kind: 'env', name: 'APPCLACKS_ACCOUNT_PASSWORD' } } });
    let s = run(env, { type: 'wizard/start' }, { type: 'wizard/input', text: 'n' }, { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/toggle-permission' }, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('review');
    s = run(s, { type: 'wizard/back' });
    expect(s.wizard.step).toBe('permissions');
  });

  it('wizard/move picks a lifetime; a custom one is validated before going on', () => {
    let s = run(typed(started, 'n'), { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/move', delta: 99 });
    expect(s.wizard.lifetimeChoice).toBe(CUSTOM_LIFETIME);
    s = typed(s, '0h');
    expect(wizardTtl(s.wizard).ok).toBe(false);
    s = run(s, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('lifetime');
    expect(s.message?.kind).toBe('error');
    s = run(s, { type: 'wizard/backspace' }, { type: 'wizard/backspace' }, { type: 'wizard/input', text: '7d' }, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('permissions');
    expect(wizardTtl(s.wizard)).toMatchObject({ ok: true, value: '168h' });
  });

  it('wizard/toggle-permission: * excludes the others and the others exclude *', () => {
    let s = run(typed(started, 'n'), { type: 'wizard/next' }, { type: 'wizard/next' }, { type: 'wizard/next' });
    s = run(s, { type: 'wizard/move', delta: 1 }, { type: 'wizard/toggle-permission' }, { type: 'wizard/move', delta: 1 }, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual([PERMISSIONS[1]!.name, PERMISSIONS[2]!.name]);
    s = run(s, { type: 'wizard/move', delta: -5 }, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual(['*']);
    s = run(s, { type: 'wizard/move', delta: 3 }, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual([PERMISSIONS[3]!.name]);
    s = run(s, { type: 'wizard/toggle-permission' });
    expect(s.wizard.permissions).toEqual([]);
  });

  it('wizard/busy, wizard/created drops the password and shows the result', () => {
    const withPassword = { ...started, wizard: { ...started.wizard, step: 'review' as const, password: 'pw' } };
    const s = run(withPassword, { type: 'wizard/busy', busy: true }, { type: 'wizard/created', token: token(9, { token: 'apc_new' }), organizationId: 'org-9', at: NOW });
    expect(s.wizard).toMatchObject({ step: 'result', busy: false, password: '', resultOrganizationId: 'org-9', resultShownAt: NOW });
    expect(s.wizard.result?.token).toBe('apc_new');
  });

  it('wizard/copied, wizard/save-start (typing a name), wizard/saved and wizard/reset', () => {
    let s = run(started, { type: 'wizard/input', text: 'ci' }, { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    s = run(s, { type: 'wizard/copied' });
    expect(s.wizard.copied).toBe(true);
    s = run(s, { type: 'wizard/save-start' });
    expect(s.wizard.saveAs).toEqual({ name: 'ci', saved: false });
    s = run(s, { type: 'wizard/input', text: '-2' });
    expect(s.wizard.saveAs?.name).toBe('ci-2');
    expect(run(s, { type: 'wizard/back' }).wizard.saveAs).toBeUndefined();
    s = run(s, { type: 'wizard/saved' });
    expect(s.wizard.saveAs).toEqual({ name: 'ci-2', saved: true });
    expect(run(s, { type: 'wizard/reset' }).wizard).toEqual(emptyWizard());
  });

  it('wizard/created brings the result step to the front, over any dialog, help or screen', () => {
    const busy = run(typed(started, 'ci'), { type: 'wizard/busy', busy: true });
    const covered = { ...busy, screens: [...busy.screens, 'profiles' as const], helpOpen: true, dialog: { kind: 'confirm-leave-wizard' as const, leaveTo: 'list' as const, choice: 'no' as const } };
    const s = run(covered, { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    expect(s.screens).toEqual(['list', 'profiles', 'wizard']);
    expect(s.dialog).toBeUndefined();
    expect(s.helpOpen).toBe(false);
    expect(s.wizard).toMatchObject({ step: 'result', busy: false });
  });

  it('the result step settles after RESULT_SETTLE_MS by the clock the action carries', () => {
    const s = run(typed(started, 'ci'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    expect(resultSettled(s, NOW)).toBe(false);
    expect(resultSettled(s, NOW + RESULT_SETTLE_MS - 1)).toBe(false);
    expect(resultSettled(s, NOW + RESULT_SETTLE_MS)).toBe(true);
    expect(resultSettled(started, NOW)).toBe(true);
  });

  it('the secret is at stake on the result step until copied or saved as a profile', () => {
    const s = run(typed(started, 'ci'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW });
    expect(secretAtStake(started)).toBe(false);
    expect(secretAtStake(s)).toBe(true);
    expect(secretAtStake(run(s, { type: 'wizard/copied' }))).toBe(false);
    expect(secretAtStake(run(s, { type: 'wizard/save-start' }))).toBe(true);
    expect(secretAtStake(run(s, { type: 'wizard/save-start' }, { type: 'wizard/saved' }))).toBe(false);
    expect(secretAtStake(run(s, { type: 'wizard/reset' }))).toBe(false);
  });

  it('wizard/save-start suggests the token name as a profile name a person can type back', () => {
    const s = run(typed(started, 'wiz q token'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW }, { type: 'wizard/save-start' });
    expect(s.wizard.saveAs?.name).toBe('wiz-q-token');
    expect(profileNameFor('  lead\u00a0two  spaces\t')).toBe('lead-two-spaces');
    expect(profileNameFor('x'.repeat(300))).toHaveLength(251);
  });

  it('the save-as-profile field refuses a blank with a message instead of dropping it silently', () => {
    let s = run(typed(started, 'ci'), { type: 'wizard/created', token: token(9, { token: 'apc_new' }), at: NOW }, { type: 'wizard/save-start' });
    s = run(s, { type: 'wizard/backspace' }, { type: 'wizard/backspace' }, { type: 'wizard/input', text: 'wiz' }, { type: 'wizard/input', text: ' ' });
    expect(s.wizard.saveAs?.name).toBe('wiz');
    expect(s.message).toMatchObject({ kind: 'error', text: expect.stringMatching(/^Space not typed: a profile name cannot contain spaces/), hint: 'use - or _ between words' });
    s = run(s, { type: 'wizard/input', text: '-q' });
    expect(s.wizard.saveAs?.name).toBe('wiz-q');
    // A paste keeps what is valid and says what was refused.
    const pasted = run(s, { type: 'message/clear' }, { type: 'wizard/input', text: ' 2' });
    expect(pasted.wizard.saveAs?.name).toBe('wiz-q2');
    expect(pasted.message?.text).toMatch(/^Space not typed/);
  });
});

describe('reducer: add profile (login flow)', () => {
  const started = run(stateWith(), { type: 'profiles/loaded', items: [{ name: 'work', organizationId: 'o', apiToken: 't' }] }, { type: 'login/start', email: 'pre@filled.example' });

  it('login/start prefills the email from the environment', () => {
    expect(started.login).toMatchObject({ field: 'name', email: 'pre@filled.example' });
    expect(started.screens.at(-1)).toBe('login');
  });

  it('login/input, login/backspace and login/next validate the name', () => {
    let s = run(started, { type: 'login/next' });
    expect(s.login.field).toBe('name');
    expect(s.message?.text).toMatch(/empty/);
    // A blank in the name is refused as it is typed, with the reason, not dropped silently.
    s = run(started, { type: 'login/input', text: 'my' }, { type: 'login/input', text: ' ' });
    expect(s.login.name).toBe('my');
    expect(s.message?.text).toMatch(/^Space not typed: .*spaces/);
    s = run(started, { type: 'login/input', text: 'work' }, { type: 'login/next' });
    expect(s.message?.text).toMatch(/already exists/);
    s = run(s, { type: 'login/backspace' }, { type: 'login/input', text: 'z' }, { type: 'login/next' });
    expect(s.login).toMatchObject({ name: 'worz', field: 'email' });
    s = run(s, { type: 'login/next' }, { type: 'login/input', text: 'secret pw' });
    expect(s.login).toMatchObject({ field: 'password', password: 'secret pw' });
  });

  it('login/back, login/busy and login/reset', () => {
    const s = run(started, { type: 'login/input', text: 'p' }, { type: 'login/next' }, { type: 'login/next' });
    expect(s.login.field).toBe('password');
    expect(run(s, { type: 'login/back' }).login.field).toBe('email');
    expect(run(s, { type: 'login/back' }, { type: 'login/back' }).login.field).toBe('name');
    expect(run(s, { type: 'login/busy', busy: true }).login.busy).toBe(true);
    expect(run(s, { type: 'login/reset' }).login).toMatchObject({ name: '', password: '', field: 'name' });
  });
});

describe('reducer: detail scrolling', () => {
  it('detail/scroll moves within the lines that do not fit, and detail/open starts at the top', () => {
    const all = token(1, { permissions: { actions: PERMISSIONS.slice(1).map((p) => p.name) } });
    let s = run(stateWith({ size: { columns: 80, rows: 20 } }), { type: 'tokens/loaded', items: [all] }, { type: 'detail/open' });
    expect(s.tokens.detailScroll).toBe(0);
    s = run(s, { type: 'detail/scroll', delta: -3 });
    expect(s.tokens.detailScroll).toBe(0);
    s = run(s, { type: 'detail/scroll', delta: 100 });
    // 8 + 12 lines in a body of 16 rows, one of which says "more": 5 lines to scroll.
    expect(s.tokens.detailScroll).toBe(5);
    s = run(s, { type: 'screen/pop' }, { type: 'detail/open' });
    expect(s.tokens.detailScroll).toBe(0);
  });
});
