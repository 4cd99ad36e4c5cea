// The one table of keys: data only. Each row says which key (one description,
// see keyDesc.ts), where it works, what it is called, and which flow it runs
// (flows.ts). The dispatcher runs the first row of the current context
// that matches; the footer and the `?` overlay draw their labels from the same
// rows, so a key cannot work without being shown, or be shown without working.
//
// Where an input component has the focus (a text field, a choice list), the
// keys it handles itself stay rows, marked byComponent, so they are shown;
// the dispatcher stands aside for them.
import { keyLabel, matchesKey, INTERRUPT, type KeyDesc } from './keyDesc';
import {
  addProfile, answer, answerProfileOffer, closeDeletions, copySecret, copyTokenId, deleteMarked, interrupt,
  leaveResult, leaveWizard, addProfileBack, addProfileEnter, makeDefaultProfile, markExpired, newToken, openProfiles, quit, refreshTokens,
  clearField, saveWizardAsProfile, send, useProfile, whenSettled, wizardEnter, type KeyFlow,
} from './flows';
import { aFilter, expiredToMark, hasTokens, onAProfile, onAToken, type AppliesWhen } from './applies';
import type { State } from '../state/types';
import { focusIn, KEY_CONTEXTS, typesText, type KeyContext } from './context';

export interface KeyBinding {
  key: KeyDesc;
  /** What the key does, in a word or two: `page down`, `copy ID`. */
  label: string;
  contexts: readonly KeyContext[];
  run: KeyFlow;
  /**
   * Footer order: 0 (default) first, then 1, then 2. The footer is one line
   * cut at the terminal's width, so the keys people reach for most go first.
   */
  rank?: 0 | 1 | 2;
  /** Leaves the message line as it is; every other key clears it first. Ctrl+C exits at once, over what was being read. */
  keepsMessage?: true;
  /**
   * The focused input component does this itself (a text field erases and
   * moves its cursor, a choice list moves and picks): the row is here so the
   * footer and the help show the key, and the dispatcher stands aside for it:
   * in every context of the row (true), or in the ones named.
   */
  byComponent?: true | readonly KeyContext[];
  /** When the key has something to act on (applies.ts); otherwise the footer leaves it out and pressing it says why. */
  appliesWhen?: AppliesWhen;
  /** Always in the footer, whatever the width: the way to help (`?`) and the way back (Esc). */
  pinned?: true;
}

/** Where q quits: not in a text field, not in a dialog (q there means No), not while a token is being created. */
const NOT_TYPING: readonly KeyContext[] = KEY_CONTEXTS.filter((c) => !typesText(c) && c !== 'dialog' && c !== 'wizard-creating');
const WIZARD_STEPS: readonly KeyContext[] = ['wizard-text', 'wizard-lifetime', 'wizard-custom', 'wizard-permissions', 'wizard-review'];
/** On the custom lifetime too, j and k move rather than type: no duration has them (units ns us ms s m h d w), and holding j down to reach it must not type it. */
const WIZARD_LISTS: readonly KeyContext[] = ['wizard-lifetime', 'wizard-custom', 'wizard-permissions'];

/** The token list, with or without marks; the rows that differ name one of the two. */
const LIST: readonly KeyContext[] = ['list', 'marked'];

const UP: KeyDesc = { key: 'up', alt: ['k'], wellKnown: true };
const DOWN: KeyDesc = { key: 'down', alt: ['j'], wellKnown: true };
const FIRST: KeyDesc = { key: 'home', alt: ['g'] };
const LAST: KeyDesc = { key: 'end', alt: ['G'] };
const ENTER: KeyDesc = { key: 'return' };
const ESC: KeyDesc = { key: 'escape' };
const DELETE: KeyDesc = { key: 'd', alt: ['delete'] };
/** Backspace erases in a field; ink 6 reports it as `delete` (dispatch.ts tells them apart by their bytes where it can), so both mean "erase" there. */
const ERASE: KeyDesc = { key: 'backspace', unlisted: ['delete'] };
const char = (key: string): KeyDesc => ({ key });
/** Picks the Nth row shown of a choice list (ink-select-input does it); 1 stands for all nine. */
const ROW_DIGIT: KeyDesc = { key: '1', unlisted: ['2', '3', '4', '5', '6', '7', '8', '9'] };
/** Empties the text field, as in a shell. */
const CLEAR: KeyDesc = { key: 'u', ctrl: true };
/** Where a text-input component has the focus. */
const TEXT_FIELDS: readonly KeyContext[] = KEY_CONTEXTS.filter((c) => focusIn(c) === 'text-field');
/** Moves the cursor inside a text field. */
const CURSOR: KeyDesc = { key: 'left', alt: ['right'] };

export const KEYMAP: readonly KeyBinding[] = [
  // Everywhere, even when the terminal is too small.
  { key: INTERRUPT, label: 'quit now', contexts: KEY_CONTEXTS, run: interrupt, rank: 2, keepsMessage: true },
  { key: char('q'), label: 'quit', contexts: NOT_TYPING, run: whenSettled(quit) },

  // Dialogs: No is the default; Enter takes the highlighted answer.
  { key: char('y'), label: 'yes', contexts: ['dialog'], run: answer('yes') },
  // q answers No rather than quitting: a question is never the way out of the app.
  { key: { key: 'n', alt: ['q', 'escape'] }, label: 'no', contexts: ['dialog'], run: answer('no') },
  { key: { key: 'left', alt: ['right'], unlisted: ['tab'] }, label: 'choose', contexts: ['dialog'], run: send({ type: 'dialog/toggle' }) },
  { key: ENTER, label: 'confirm choice', contexts: ['dialog'], run: answer('highlighted') },

  { key: { key: 'escape', alt: ['?'] }, label: 'close help', contexts: ['help'], run: send({ type: 'help/close' }), pinned: true },

  // Lists.
  { key: UP, label: 'up', contexts: LIST, run: send({ type: 'tokens/move', delta: -1 }) },
  { key: DOWN, label: 'down', contexts: LIST, run: send({ type: 'tokens/move', delta: 1 }) },
  { key: { key: 'up', wellKnown: true }, label: 'up', contexts: ['filter'], run: send({ type: 'tokens/move', delta: -1 }), rank: 1 },
  { key: { key: 'down', wellKnown: true }, label: 'down', contexts: ['filter'], run: send({ type: 'tokens/move', delta: 1 }), rank: 1 },
  { key: { key: 'pageUp' }, label: 'page up', contexts: LIST, run: send({ type: 'tokens/page', direction: -1 }), rank: 2, appliesWhen: onAToken('page through') },
  { key: { key: 'pageDown' }, label: 'page down', contexts: LIST, run: send({ type: 'tokens/page', direction: 1 }), rank: 2, appliesWhen: onAToken('page through') },
  { key: FIRST, label: 'first', contexts: LIST, run: send({ type: 'tokens/jump', to: 'start' }), rank: 2, appliesWhen: onAToken('jump to') },
  { key: LAST, label: 'last', contexts: LIST, run: send({ type: 'tokens/jump', to: 'end' }), rank: 2, appliesWhen: onAToken('jump to') },
  { key: ENTER, label: 'open', contexts: LIST, run: send({ type: 'detail/open' }), appliesWhen: onAToken('open') },
  { key: char('/'), label: 'filter', contexts: LIST, run: send({ type: 'filter/start' }), appliesWhen: hasTokens('filter') },
  { key: char('s'), label: 'sort', contexts: LIST, run: send({ type: 'tokens/sort' }), rank: 1, appliesWhen: hasTokens('sort') },
  { key: ESC, label: 'clear filter', contexts: ['list'], run: send({ type: 'filter/clear' }), rank: 1, appliesWhen: aFilter },
  // Marks go before the filter: Esc clears them first.
  { key: ESC, label: 'clear marks', contexts: ['marked'], run: send({ type: 'marks/clear' }) },
  { key: char('n'), label: 'new', contexts: LIST, run: newToken },
  { key: char(' '), label: 'mark', contexts: LIST, run: send({ type: 'marks/toggle' }), rank: 1, appliesWhen: onAToken('mark') },
  { key: char('E'), label: 'mark expired', contexts: LIST, run: markExpired, rank: 2, appliesWhen: expiredToMark },
  { key: DELETE, label: 'delete', contexts: ['list', 'detail'], run: send({ type: 'dialog/open-delete' }), appliesWhen: onAToken('delete') },
  { key: DELETE, label: 'delete marked', contexts: ['marked'], run: deleteMarked },
  { key: char('R'), label: 'rotate', contexts: [...LIST, 'detail'], run: send({ type: 'dialog/open-rotate' }), rank: 1, appliesWhen: onAToken('rotate') },
  { key: char('r'), label: 'refresh', contexts: [...LIST, 'detail'], run: refreshTokens },
  { key: char('p'), label: 'profiles', contexts: [...LIST, 'detail'], run: openProfiles },

  // Filter field.
  { key: ENTER, label: 'keep filter', contexts: ['filter'], run: send({ type: 'filter/done' }) },
  { key: ESC, label: 'clear filter', contexts: ['filter'], run: send({ type: 'filter/clear' }) },
  { key: ERASE, label: 'erase', contexts: ['filter'], run: send({ type: 'filter/backspace' }), rank: 2 },

  // Detail.
  { key: UP, label: 'scroll up', contexts: ['detail'], run: send({ type: 'detail/scroll', delta: -1 }), rank: 1 },
  { key: DOWN, label: 'scroll down', contexts: ['detail'], run: send({ type: 'detail/scroll', delta: 1 }), rank: 1 },
  { key: char('c'), label: 'copy ID', contexts: ['detail'], run: copyTokenId },
  { key: ESC, label: 'back', contexts: ['detail'], run: send({ type: 'screen/pop' }), pinned: true },

  // Profiles.
  { key: UP, label: 'up', contexts: ['profiles'], run: send({ type: 'profiles/move', delta: -1 }), byComponent: true },
  { key: DOWN, label: 'down', contexts: ['profiles'], run: send({ type: 'profiles/move', delta: 1 }), byComponent: true },
  { key: FIRST, label: 'first', contexts: ['profiles'], run: send({ type: 'profiles/jump', to: 'start' }), rank: 1 },
  { key: LAST, label: 'last', contexts: ['profiles'], run: send({ type: 'profiles/jump', to: 'end' }), rank: 1 },
  { key: ENTER, label: 'use now', contexts: ['profiles'], run: useProfile, byComponent: true },
  { key: ROW_DIGIT, label: 'use row 1–9', contexts: ['profiles'], run: () => undefined, rank: 2, byComponent: true },
  { key: char('m'), label: 'make default', contexts: ['profiles'], run: makeDefaultProfile, appliesWhen: onAProfile('make default') },
  { key: char('n'), label: 'add', contexts: ['profiles'], run: addProfile },
  { key: DELETE, label: 'remove', contexts: ['profiles'], run: send({ type: 'dialog/open-remove-profile' }), appliesWhen: onAProfile('remove') },
  { key: ESC, label: 'back', contexts: ['profiles'], run: send({ type: 'screen/pop' }), pinned: true },

  // Add-profile form (the login flow).
  { key: ENTER, label: 'next', contexts: ['add-profile'], run: addProfileEnter },
  { key: ESC, label: 'back', contexts: ['add-profile'], run: addProfileBack, pinned: true },
  { key: ERASE, label: 'erase', contexts: ['add-profile'], run: send({ type: 'add-profile/backspace' }), rank: 2, byComponent: true },
  { key: CLEAR, label: 'clear field', contexts: TEXT_FIELDS, run: clearField, rank: 2 },
  { key: CURSOR, label: 'cursor', contexts: ['add-profile', 'wizard-text', 'wizard-custom', 'wizard-save'], run: () => undefined, rank: 2, byComponent: true },

  // Wizard.
  // On the lifetime presets the choice list moves and picks; on the custom value the text field has the focus, and these move.
  { key: UP, label: 'up', contexts: WIZARD_LISTS, run: send({ type: 'wizard/move', delta: -1 }), byComponent: ['wizard-lifetime'] },
  { key: DOWN, label: 'down', contexts: WIZARD_LISTS, run: send({ type: 'wizard/move', delta: 1 }), byComponent: ['wizard-lifetime'] },
  { key: ROW_DIGIT, label: 'pick row 1–9', contexts: ['wizard-lifetime'], run: () => undefined, rank: 2, byComponent: true },
  { key: char(' '), label: 'toggle', contexts: ['wizard-permissions'], run: send({ type: 'wizard/toggle-permission' }) },
  { key: ENTER, label: 'next', contexts: ['wizard-text', 'wizard-lifetime', 'wizard-custom', 'wizard-permissions'], run: wizardEnter, byComponent: ['wizard-lifetime'] },
  { key: ENTER, label: 'create', contexts: ['wizard-review'], run: wizardEnter },
  { key: ESC, label: 'previous step', contexts: WIZARD_STEPS, run: leaveWizard, pinned: true },
  { key: ERASE, label: 'erase', contexts: ['wizard-text', 'wizard-custom'], run: send({ type: 'wizard/backspace' }), rank: 2, byComponent: true },
  // Every key of the result step but Ctrl+C goes through whenSettled.
  { key: char('c'), label: 'copy secret', contexts: ['wizard-result'], run: whenSettled(copySecret) },
  { key: char('s'), label: 'save as profile', contexts: ['wizard-result'], run: whenSettled(send({ type: 'wizard/save-start' })) },
  { key: ENTER, label: 'save profile', contexts: ['wizard-save'], run: saveWizardAsProfile },
  { key: ESC, label: 'cancel', contexts: ['wizard-save'], run: send({ type: 'wizard/back' }) },
  { key: ERASE, label: 'erase', contexts: ['wizard-save'], run: send({ type: 'wizard/backspace' }), rank: 2, byComponent: true },
  { key: { key: 'return', alt: ['escape'] }, label: 'done', contexts: ['wizard-result'], run: whenSettled(leaveResult) },
  // A rotation's result, while it offers to update the profile that held the old token.
  { key: { key: 'up', alt: ['down', 'k', 'j'] }, label: 'choose', contexts: ['wizard-offer'], run: whenSettled(send({ type: 'wizard/offer-move' })) },
  { key: ENTER, label: 'apply choice', contexts: ['wizard-offer'], run: whenSettled(answerProfileOffer) },
  { key: char('c'), label: 'copy secret', contexts: ['wizard-offer'], run: whenSettled(copySecret) },
  { key: ESC, label: 'done', contexts: ['wizard-offer'], run: whenSettled(leaveResult) },

  // The report of a bulk delete.
  { key: { key: 'return', alt: ['escape'] }, label: 'back', contexts: ['deletions'], run: closeDeletions, pinned: true },

  { key: char('?'), label: 'help', contexts: NOT_TYPING.filter((c) => c !== 'help' && c !== 'too-small'), run: whenSettled(send({ type: 'help/toggle' })), pinned: true },
];

export function bindingsFor(context: KeyContext): KeyBinding[] {
  return KEYMAP.filter((b) => b.contexts.includes(context));
}

/** The binding a key runs in this context: the first that matches. */
export function bindingFor(context: KeyContext, input: string, key: Parameters<typeof matchesKey>[2]): KeyBinding | undefined {
  return bindingsFor(context).find((b) => matchesKey(b.key, input, key));
}

/** Whether the key has something to act on now (no condition: always). */
export function applies(binding: KeyBinding, state: State, now: number): boolean {
  return binding.appliesWhen?.test(state, now) ?? true;
}

/**
 * The bindings the footer may show, most used first (Array.prototype.sort is
 * stable): not the keys every terminal user knows (they are in `?` help), not
 * a key with nothing to act on. The `?` help lists every binding.
 */
export function footerBindings(context: KeyContext, state: State, now: number): KeyBinding[] {
  const acting = bindingsFor(context).filter((b) => applies(b, state, now));
  const shown = acting.filter((b) => !b.key.wellKnown);
  // Where a well-known key is all there is (Ctrl+C while a token is being created), it is said.
  return (shown.length > 0 ? shown : acting).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

/** How a binding reads in the footer and the help: its keys, derived from its description, and what it does. */
export function hint(binding: KeyBinding): { keys: string; label: string } {
  return { keys: keyLabel(binding.key), label: binding.label };
}
