// Which set of keys applies right now. Every key goes through one dispatcher
// (docs/terminal.md §8), which looks the key up in the keymap for this context.
import { isTooSmall } from '../state/layout';
import { CUSTOM_LIFETIME } from '../state/lifetimes';
import { currentScreen } from '../state/selectors';
import type { State } from '../state/types';

export type KeyContext =
  | 'list'
  /** The token list with marked tokens: Esc clears the marks, d deletes them. */
  | 'marked'
  | 'filter'
  | 'detail'
  | 'profiles'
  | 'add-profile'
  | 'wizard-text'
  | 'wizard-lifetime'
  | 'wizard-custom'
  | 'wizard-permissions'
  | 'wizard-review'
  /** The create request is in flight: only Ctrl+C acts, so nothing can hide the secret when it arrives. */
  | 'wizard-creating'
  | 'wizard-result'
  /** A rotation's result while it offers to update the profile that held the old token. */
  | 'wizard-offer'
  | 'wizard-save'
  /** The report of a bulk delete that left some tokens undeleted. */
  | 'deletions'
  | 'dialog'
  | 'help'
  | 'too-small';

/**
 * What has the focus in a context, and so which keys it takes itself:
 * - `keys`: nothing but the keymap; letters are keys (`q`, `?`, `j`/`k`);
 * - `filter`: the list's filter, typed by the dispatcher (letters are text);
 * - `text-field`: a text-input component (src/components/TextField.tsx) edits
 *   with text, Backspace and ←/→ itself, and the dispatcher stands aside;
 * - `choice-list`: an ink-select-input list (the profile picker, the lifetime
 *   presets) moves with ↑/↓/j/k and picks with Enter or 1–9 itself.
 * Keymap rows marked byComponent are the component's where it has the focus.
 */
export type Focus = 'keys' | 'filter' | 'text-field' | 'choice-list';

const FOCUS: Record<KeyContext, Focus> = {
  list: 'keys',
  marked: 'keys',
  filter: 'filter',
  detail: 'keys',
  profiles: 'choice-list',
  'add-profile': 'text-field',
  'wizard-text': 'text-field',
  'wizard-lifetime': 'choice-list',
  'wizard-custom': 'text-field',
  'wizard-permissions': 'keys',
  'wizard-review': 'keys',
  'wizard-creating': 'keys',
  'wizard-result': 'keys',
  'wizard-offer': 'keys',
  'wizard-save': 'text-field',
  deletions: 'keys',
  dialog: 'keys',
  help: 'keys',
  'too-small': 'keys',
};

/** Every context, in the order of the table above. */
export const KEY_CONTEXTS = Object.keys(FOCUS) as readonly KeyContext[];

export function focusIn(context: KeyContext): Focus {
  return FOCUS[context];
}

/** Where an input component (a text field, a choice list) has the focus and takes its own keys. */
export function componentHasFocus(context: KeyContext): boolean {
  const focus = FOCUS[context];
  return focus === 'text-field' || focus === 'choice-list';
}

/** Where letters are text rather than keys: a field of either kind has the focus. */
export function typesText(context: KeyContext): boolean {
  const focus = FOCUS[context];
  return focus === 'filter' || focus === 'text-field';
}

/** The context of the screen itself, ignoring the help overlay and dialogs. */
export function screenContext(state: State): KeyContext {
  switch (currentScreen(state)) {
    case 'list':
      if (state.tokens.filterEditing) return 'filter';
      return state.tokens.marks.size > 0 ? 'marked' : 'list';
    case 'detail':
      return 'detail';
    case 'profiles':
      return 'profiles';
    case 'add-profile':
      return 'add-profile';
    case 'deletions':
      return 'deletions';
    case 'wizard': {
      const w = state.wizard;
      if (w.busy) return 'wizard-creating';
      switch (w.step) {
        case 'lifetime':
          return w.lifetimeChoice === CUSTOM_LIFETIME ? 'wizard-custom' : 'wizard-lifetime';
        case 'permissions':
          return 'wizard-permissions';
        case 'review':
          return 'wizard-review';
        case 'result':
          if (w.saveAs && !w.saveAs.saved) return 'wizard-save';
          return w.profileUpdate && !w.profileUpdate.done ? 'wizard-offer' : 'wizard-result';
        default:
          return 'wizard-text';
      }
    }
  }
}

export function keyContext(state: State): KeyContext {
  if (isTooSmall(state.size)) return 'too-small';
  if (state.dialog) return 'dialog';
  if (state.helpOpen) return 'help';
  return screenContext(state);
}
