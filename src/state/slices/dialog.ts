// The yes/no questions. Each opens on No, so a stray Enter never deletes or
// discards anything; what Yes then does is the key flows' business (ui/),
// not this slice's: it only records which question is open and the choice.
import { currentScreen, detailToken, markedTokens, profileHolding, selectedToken, wizardNeedsAccount } from '../selectors';
import type { Dialog, LeaveTo, State } from '../types';
import type { SliceReducer } from './slice';

type Slice = Dialog | undefined;

/** How many names the bulk question lists before "and N more". */
export const BULK_NAMES_SHOWN = 3;

function bulkDelete(root: State): Slice {
  const marked = markedTokens(root);
  if (marked.length === 0) return undefined;
  return {
    kind: 'confirm-bulk-delete',
    ids: marked.map((t) => t.id),
    names: marked.slice(0, BULK_NAMES_SHOWN).map((t) => t.name),
    includesSessionToken: marked.some((t) => t.id === root.session.tokenId),
    choice: 'no',
  };
}

function rotate(root: State): Slice {
  const token = currentScreen(root) === 'detail' ? detailToken(root) : selectedToken(root);
  if (!token) return undefined;
  const profileName = profileHolding(root, token.id);
  return {
    kind: 'confirm-rotate',
    tokenId: token.id,
    tokenName: token.name,
    isSessionToken: root.session.tokenId === token.id,
    ...(profileName !== undefined && { profileName }),
    accountFromEnv: !wizardNeedsAccount(root),
    choice: 'no',
  };
}

const to = (leaveTo: LeaveTo | undefined): LeaveTo => leaveTo ?? 'list';

function choose(dialog: Slice, choice: 'yes' | 'no'): Slice {
  return dialog ? { ...dialog, choice } : dialog;
}

export const dialogReducer: SliceReducer<Slice> = (dialog, action, root) => {
  switch (action.type) {
    case 'dialog/open-delete': {
      const token = currentScreen(root) === 'detail' ? detailToken(root) : selectedToken(root);
      if (!token) return dialog;
      return { kind: 'confirm-delete', tokenId: token.id, tokenName: token.name, isSessionToken: root.session.tokenId === token.id, choice: 'no' };
    }
    case 'dialog/open-bulk-delete':
      return bulkDelete(root) ?? dialog;
    case 'dialog/open-rotate':
      return rotate(root) ?? dialog;
    case 'dialog/open-leave-wizard':
      return { kind: 'confirm-leave-wizard', leaveTo: to(action.leaveTo), choice: 'no' };
    case 'dialog/open-leave-result':
      return { kind: 'confirm-leave-result', leaveTo: to(action.leaveTo), choice: 'no' };
    case 'dialog/open-leave-add-profile':
      return { kind: 'confirm-leave-add-profile', choice: 'no' };
    case 'dialog/open-remove-profile': {
      const profile = root.profiles.items[root.profiles.selection];
      return profile ? { kind: 'confirm-remove-profile', profileName: profile.name, choice: 'no' } : dialog;
    }
    case 'dialog/choose':
      return choose(dialog, action.choice);
    case 'dialog/toggle':
      return choose(dialog, dialog?.choice === 'yes' ? 'no' : 'yes');
    case 'dialog/close':
      return undefined;
    case 'wizard/created':
    case 'wizard/rotated':
      // The new secret is shown once: no question may cover it.
      return undefined;
    default:
      return dialog;
  }
};
