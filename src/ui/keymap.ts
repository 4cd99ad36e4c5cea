// The one table of keys. The dispatcher runs the first binding of the current
// context that matches; the footer and the `?` overlay are drawn from the same
// rows, so a key cannot work without being shown, or be shown without working.
import type { Key } from 'ink';
import { CUSTOM_LIFETIME } from '../state/lifetimes';
import { currentScreen, detailToken, resultSettled, secretAtStake, wizardIsFilled } from '../state/selectors';
import type { Store } from '../state/store';
import type { State } from '../state/types';
import type { KeyContext } from './keyContext';

export interface KeyActionContext {
  store: Store;
  state: State;
  input: string;
  exit(): void;
}

export interface KeyBinding {
  /** As shown to people: `↑/k`, `PgDn`, `Enter`. */
  keys: string;
  label: string;
  contexts: readonly KeyContext[];
  match(input: string, key: Key): boolean;
  action(ctx: KeyActionContext): void;
  /**
   * Footer order: 0 (default) first, then 1, then 2. The footer is one line
   * cut at the terminal's width, so the keys people reach for most go first.
   */
  rank?: 0 | 1 | 2;
}

const ALL_CONTEXTS: readonly KeyContext[] = [
  'list', 'filter', 'detail', 'profiles', 'login', 'wizard-text', 'wizard-lifetime', 'wizard-custom',
  'wizard-permissions', 'wizard-review', 'wizard-creating', 'wizard-result', 'wizard-save', 'dialog', 'help', 'too-small',
];
/** Where q quits: not in a text field, not in a dialog (q there means No), not while a token is being created. */
const NOT_TYPING: readonly KeyContext[] = [
  'list', 'detail', 'profiles', 'wizard-lifetime', 'wizard-permissions', 'wizard-review', 'wizard-result', 'help', 'too-small',
];
const WIZARD_STEPS: readonly KeyContext[] = ['wizard-text', 'wizard-lifetime', 'wizard-custom', 'wizard-permissions', 'wizard-review'];

const plain = (input: string, key: Key) => !key.ctrl && !key.meta && input.length > 0;
const letter = (ch: string) => (input: string, key: Key) => input === ch && !key.ctrl && !key.meta;
/** ink 6 reports Backspace as `delete` (docs/terminal.md §8): both mean "erase" in a field. */
export const isErase = (_input: string, key: Key) => key.backspace || key.delete;

const up = (input: string, key: Key) => key.upArrow || letter('k')(input, key);
const down = (input: string, key: Key) => key.downArrow || letter('j')(input, key);

/**
 * For a moment after the secret appears, the result step's keys do nothing:
 * a second Enter meant for the review step must not leave it unseen.
 */
function whenSettled(action: (ctx: KeyActionContext) => void): (ctx: KeyActionContext) => void {
  return (ctx) => {
    const { state, store } = ctx;
    if (currentScreen(state) === 'wizard' && !resultSettled(state, store.effects.now())) return;
    action(ctx);
  };
}

/** q: quits, unless that would lose something: a new secret nobody copied or saved, or a filled draft, asks first. */
function quit({ store, state, exit }: KeyActionContext): void {
  // A create in flight cannot be called back; Ctrl+C is there for those who mean it.
  if (state.wizard.busy) return;
  if (secretAtStake(state)) return store.dispatch({ type: 'dialog/open-leave-result', leaveTo: 'quit' });
  if (currentScreen(state) === 'wizard' && state.wizard.step !== 'result' && wizardIsFilled(state)) {
    return store.dispatch({ type: 'dialog/open-leave-wizard', leaveTo: 'quit' });
  }
  exit();
}

function leaveWizard({ store, state }: KeyActionContext): void {
  if (state.wizard.step === 'name') {
    if (wizardIsFilled(state)) store.dispatch({ type: 'dialog/open-leave-wizard' });
    else store.dispatch({ type: 'screen/pop' });
    return;
  }
  store.dispatch({ type: 'wizard/back' });
}

function wizardEnter({ store, state }: KeyActionContext): void {
  if (state.wizard.step === 'review') void store.effects.createToken();
  else store.dispatch({ type: 'wizard/next' });
}

function finishWizard({ store }: KeyActionContext): void {
  store.dispatch({ type: 'wizard/reset' });
  store.dispatch({ type: 'screen/pop' });
}

function leaveResult(ctx: KeyActionContext): void {
  if (secretAtStake(ctx.state)) ctx.store.dispatch({ type: 'dialog/open-leave-result', leaveTo: 'list' });
  else finishWizard(ctx);
}

function openProfiles({ store }: KeyActionContext): void {
  store.dispatch({ type: 'screen/push', screen: 'profiles' });
  void store.effects.loadProfiles();
}

function confirmDialog({ store, state, exit }: KeyActionContext, choice: 'yes' | 'no'): void {
  const dialog = state.dialog;
  store.dispatch({ type: 'dialog/close' });
  if (!dialog || choice === 'no') return;
  switch (dialog.kind) {
    case 'confirm-delete':
      void store.effects.deleteToken(dialog.tokenId);
      return;
    case 'confirm-leave-wizard':
    case 'confirm-leave-result':
      if (dialog.leaveTo === 'quit') return exit();
      store.dispatch({ type: 'wizard/reset' });
      store.dispatch({ type: 'screen/pop' });
      return;
    case 'confirm-leave-login':
      store.dispatch({ type: 'login/reset' });
      store.dispatch({ type: 'screen/pop' });
      return;
    case 'confirm-remove-profile':
      void store.effects.removeProfile(dialog.profileName);
      return;
  }
}

export const KEYMAP: readonly KeyBinding[] = [
  // Everywhere, even when the terminal is too small.
  // Ctrl+C never asks: it is how people interrupt, and it exits 130 like the CLI.
  { keys: 'Ctrl+C', label: 'quit now', contexts: ALL_CONTEXTS, match: (i, k) => k.ctrl && i === 'c', action: ({ store, exit }) => {
    store.dispatch({ type: 'app/interrupted' });
    exit();
  }, rank: 2 },
  { keys: 'q', label: 'quit', contexts: NOT_TYPING, match: letter('q'), action: whenSettled(quit) },

  // Dialogs: No is the default; Enter takes the highlighted answer.
  { keys: 'y', label: 'yes', contexts: ['dialog'], match: letter('y'), action: (c) => confirmDialog(c, 'yes') },
  // q answers No rather than quitting: a question is never the way out of the app.
  { keys: 'n/q/Esc', label: 'no', contexts: ['dialog'], match: (i, k) => letter('n')(i, k) || letter('q')(i, k) || k.escape, action: (c) => confirmDialog(c, 'no') },
  { keys: '←/→', label: 'choose', contexts: ['dialog'], match: (i, k) => k.leftArrow || k.rightArrow || k.tab, action: ({ store }) => store.dispatch({ type: 'dialog/toggle' }) },
  { keys: 'Enter', label: 'confirm choice', contexts: ['dialog'], match: (_i, k) => k.return, action: (c) => confirmDialog(c, c.state.dialog?.choice ?? 'no') },

  { keys: 'Esc/?', label: 'close help', contexts: ['help'], match: (i, k) => k.escape || letter('?')(i, k), action: ({ store }) => store.dispatch({ type: 'help/close' }) },

  // Lists.
  { keys: '↑/k', label: 'up', contexts: ['list'], match: up, action: ({ store }) => store.dispatch({ type: 'tokens/move', delta: -1 }) },
  { keys: '↓/j', label: 'down', contexts: ['list'], match: down, action: ({ store }) => store.dispatch({ type: 'tokens/move', delta: 1 }) },
  { keys: '↑', label: 'up', contexts: ['filter'], match: (_i, k) => k.upArrow, action: ({ store }) => store.dispatch({ type: 'tokens/move', delta: -1 }), rank: 1 },
  { keys: '↓', label: 'down', contexts: ['filter'], match: (_i, k) => k.downArrow, action: ({ store }) => store.dispatch({ type: 'tokens/move', delta: 1 }), rank: 1 },
  { keys: 'PgUp', label: 'page up', contexts: ['list'], match: (_i, k) => k.pageUp, action: ({ store }) => store.dispatch({ type: 'tokens/page', direction: -1 }), rank: 2 },
  { keys: 'PgDn', label: 'page down', contexts: ['list'], match: (_i, k) => k.pageDown, action: ({ store }) => store.dispatch({ type: 'tokens/page', direction: 1 }), rank: 2 },
  { keys: 'Home/g', label: 'first', contexts: ['list'], match: (i, k) => k.home || letter('g')(i, k), action: ({ store }) => store.dispatch({ type: 'tokens/jump', to: 'start' }), rank: 2 },
  { keys: 'End/G', label: 'last', contexts: ['list'], match: (i, k) => k.end || letter('G')(i, k), action: ({ store }) => store.dispatch({ type: 'tokens/jump', to: 'end' }), rank: 2 },
  { keys: 'Enter', label: 'open', contexts: ['list'], match: (_i, k) => k.return, action: ({ store }) => store.dispatch({ type: 'detail/open' }) },
  { keys: '/', label: 'filter', contexts: ['list'], match: letter('/'), action: ({ store }) => store.dispatch({ type: 'filter/start' }) },
  { keys: 's', label: 'sort', contexts: ['list'], match: letter('s'), action: ({ store }) => store.dispatch({ type: 'tokens/sort' }), rank: 1 },
  { keys: 'Esc', label: 'clear filter', contexts: ['list'], match: (_i, k) => k.escape, action: ({ store }) => store.dispatch({ type: 'filter/clear' }), rank: 1 },
  { keys: 'n', label: 'new', contexts: ['list'], match: letter('n'), action: ({ store, state }) => store.dispatch({ type: 'wizard/start', ...(state.session.email && { email: state.session.email.value }) }) },
  { keys: 'd/Del', label: 'delete', contexts: ['list', 'detail'], match: (i, k) => letter('d')(i, k) || k.delete, action: ({ store }) => store.dispatch({ type: 'dialog/open-delete' }) },
  { keys: 'r', label: 'refresh', contexts: ['list', 'detail'], match: letter('r'), action: ({ store }) => void store.effects.loadTokens() },
  { keys: 'p', label: 'profiles', contexts: ['list', 'detail'], match: letter('p'), action: openProfiles },

  // Filter field.
  { keys: 'Enter', label: 'keep filter', contexts: ['filter'], match: (_i, k) => k.return, action: ({ store }) => store.dispatch({ type: 'filter/done' }) },
  { keys: 'Esc', label: 'clear filter', contexts: ['filter'], match: (_i, k) => k.escape, action: ({ store }) => store.dispatch({ type: 'filter/clear' }) },
  { keys: 'Bksp', label: 'erase', contexts: ['filter'], match: isErase, action: ({ store }) => store.dispatch({ type: 'filter/backspace' }), rank: 2 },

  // Detail.
  { keys: '↑/k', label: 'scroll up', contexts: ['detail'], match: up, action: ({ store }) => store.dispatch({ type: 'detail/scroll', delta: -1 }), rank: 1 },
  { keys: '↓/j', label: 'scroll down', contexts: ['detail'], match: down, action: ({ store }) => store.dispatch({ type: 'detail/scroll', delta: 1 }), rank: 1 },
  { keys: 'c', label: 'copy ID', contexts: ['detail'], match: letter('c'), action: ({ store, state }) => {
    const token = detailToken(state);
    if (token) store.effects.copy(token.id, 'token ID');
  } },
  { keys: 'Esc', label: 'back', contexts: ['detail'], match: (_i, k) => k.escape, action: ({ store }) => store.dispatch({ type: 'screen/pop' }) },

  // Profiles.
  { keys: '↑/k', label: 'up', contexts: ['profiles'], match: up, action: ({ store }) => store.dispatch({ type: 'profiles/move', delta: -1 }) },
  { keys: '↓/j', label: 'down', contexts: ['profiles'], match: down, action: ({ store }) => store.dispatch({ type: 'profiles/move', delta: 1 }) },
  { keys: 'Home/g', label: 'first', contexts: ['profiles'], match: (i, k) => k.home || letter('g')(i, k), action: ({ store }) => store.dispatch({ type: 'profiles/jump', to: 'start' }), rank: 1 },
  { keys: 'End/G', label: 'last', contexts: ['profiles'], match: (i, k) => k.end || letter('G')(i, k), action: ({ store }) => store.dispatch({ type: 'profiles/jump', to: 'end' }), rank: 1 },
  { keys: 'Enter', label: 'use now', contexts: ['profiles'], match: (_i, k) => k.return, action: ({ store, state }) => {
    const profile = state.profiles.items[state.profiles.selection];
    if (profile) void store.effects.switchProfile(profile.name);
  } },
  { keys: 'm', label: 'make default', contexts: ['profiles'], match: letter('m'), action: ({ store, state }) => {
    const profile = state.profiles.items[state.profiles.selection];
    if (profile) void store.effects.setDefaultProfile(profile.name);
  } },
  { keys: 'n', label: 'add', contexts: ['profiles'], match: letter('n'), action: ({ store, state }) => store.dispatch({ type: 'login/start', ...(state.session.email && { email: state.session.email.value }) }) },
  { keys: 'd/Del', label: 'remove', contexts: ['profiles'], match: (i, k) => letter('d')(i, k) || k.delete, action: ({ store }) => store.dispatch({ type: 'dialog/open-remove-profile' }) },
  { keys: 'Esc', label: 'back', contexts: ['profiles'], match: (_i, k) => k.escape, action: ({ store }) => store.dispatch({ type: 'screen/pop' }) },

  // Add-profile form (the login flow).
  { keys: 'Enter', label: 'next', contexts: ['login'], match: (_i, k) => k.return, action: ({ store, state }) => {
    if (state.login.field === 'password') void store.effects.addProfile();
    else store.dispatch({ type: 'login/next' });
  } },
  { keys: 'Esc', label: 'back', contexts: ['login'], match: (_i, k) => k.escape, action: ({ store, state }) => {
    if (state.login.field !== 'name') store.dispatch({ type: 'login/back' });
    else if (state.login.name !== '' || state.login.password !== '') store.dispatch({ type: 'dialog/open-leave-login' });
    else store.dispatch({ type: 'screen/pop' });
  } },
  { keys: 'Bksp', label: 'erase', contexts: ['login'], match: isErase, action: ({ store }) => store.dispatch({ type: 'login/backspace' }), rank: 2 },

  // Wizard.
  // On the custom lifetime too, j and k move rather than type: no duration has them
  // (units ns us ms s m h d w), and holding j down to reach it must not type it.
  { keys: '↑/k', label: 'up', contexts: ['wizard-lifetime', 'wizard-custom', 'wizard-permissions'], match: up, action: ({ store }) => store.dispatch({ type: 'wizard/move', delta: -1 }) },
  { keys: '↓/j', label: 'down', contexts: ['wizard-lifetime', 'wizard-custom', 'wizard-permissions'], match: down, action: ({ store }) => store.dispatch({ type: 'wizard/move', delta: 1 }) },
  { keys: 'Space', label: 'toggle', contexts: ['wizard-permissions'], match: letter(' '), action: ({ store }) => store.dispatch({ type: 'wizard/toggle-permission' }) },
  { keys: 'Enter', label: 'next', contexts: ['wizard-text', 'wizard-lifetime', 'wizard-custom', 'wizard-permissions'], match: (_i, k) => k.return, action: wizardEnter },
  { keys: 'Enter', label: 'create', contexts: ['wizard-review'], match: (_i, k) => k.return, action: wizardEnter },
  { keys: 'Esc', label: 'previous step', contexts: WIZARD_STEPS, match: (_i, k) => k.escape, action: leaveWizard },
  { keys: 'Bksp', label: 'erase', contexts: ['wizard-text', 'wizard-custom'], match: isErase, action: ({ store }) => store.dispatch({ type: 'wizard/backspace' }), rank: 2 },
  // Every key of the result step but Ctrl+C goes through whenSettled.
  { keys: 'c', label: 'copy secret', contexts: ['wizard-result'], match: letter('c'), action: whenSettled(({ store, state }) => {
    const secret = state.wizard.result?.token;
    if (secret) {
      store.effects.copy(secret, 'secret');
      store.dispatch({ type: 'wizard/copied' });
    }
  }) },
  { keys: 's', label: 'save as profile', contexts: ['wizard-result'], match: letter('s'), action: whenSettled(({ store }) => store.dispatch({ type: 'wizard/save-start' })) },
  { keys: 'Enter', label: 'save profile', contexts: ['wizard-save'], match: (_i, k) => k.return, action: ({ store }) => void store.effects.saveWizardAsProfile() },
  { keys: 'Esc', label: 'cancel', contexts: ['wizard-save'], match: (_i, k) => k.escape, action: ({ store }) => store.dispatch({ type: 'wizard/back' }) },
  { keys: 'Bksp', label: 'erase', contexts: ['wizard-save'], match: isErase, action: ({ store }) => store.dispatch({ type: 'wizard/backspace' }), rank: 2 },
  { keys: 'Enter/Esc', label: 'done', contexts: ['wizard-result'], match: (_i, k) => k.return || k.escape, action: whenSettled(leaveResult) },

  { keys: '?', label: 'help', contexts: NOT_TYPING.filter((c) => c !== 'help' && c !== 'too-small'), match: letter('?'), action: whenSettled(({ store }) => store.dispatch({ type: 'help/toggle' })) },
];

/** What a printable key does in a text field, when no binding took it. */
export function typeInto({ store, state, input }: KeyActionContext, context: KeyContext): void {
  switch (context) {
    case 'filter':
      store.dispatch({ type: 'filter/input', text: input });
      return;
    case 'login':
      store.dispatch({ type: 'login/input', text: input });
      return;
    case 'wizard-text':
    case 'wizard-custom':
    case 'wizard-save':
      if (state.wizard.step !== 'lifetime' || state.wizard.lifetimeChoice === CUSTOM_LIFETIME) store.dispatch({ type: 'wizard/input', text: input });
      return;
    default:
      return;
  }
}

export const isPrintable = plain;

export function bindingsFor(context: KeyContext): KeyBinding[] {
  return KEYMAP.filter((b) => b.contexts.includes(context));
}

/** Every binding of the context, most used first (Array.prototype.sort is stable). */
export function footerBindings(context: KeyContext): KeyBinding[] {
  return bindingsFor(context).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

/** Widths of one help entry: the keys, padded, then the label. */
export function helpEntryWidths(bindings: readonly KeyBinding[]): { keys: number; entry: number } {
  const keys = Math.max(0, ...bindings.map((b) => b.keys.length)) + 2;
  return { keys, entry: keys + Math.max(0, ...bindings.map((b) => b.label.length)) };
}
