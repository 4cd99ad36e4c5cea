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

/** Contexts where letters go into a text field, so `q`, `?` and `j`/`k` are text. */
export const TYPING: ReadonlySet<KeyContext> = new Set(['filter', 'add-profile', 'wizard-text', 'wizard-custom', 'wizard-save']);

/**
 * Where the field being typed in is a text-input component (src/components/TextField.tsx):
 * it edits with text, Backspace and ←/→ itself, and the dispatcher stands aside
 * for those keys. The list's filter is typed by the dispatcher.
 */
export const FIELDS: ReadonlySet<KeyContext> = new Set(['add-profile', 'wizard-text', 'wizard-custom', 'wizard-save']);

/**
 * Where an input component has the focus: a text field, or a choice list
 * (ink-select-input: the profile picker, the lifetime presets), which moves
 * with ↑/↓/j/k and picks with Enter or 1–9 itself. Keymap rows marked
 * byComponent are theirs there.
 */
export const COMPONENTS: ReadonlySet<KeyContext> = new Set([...FIELDS, 'profiles', 'wizard-lifetime']);

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
