// What keys do: the flows behind the bindings of keymap.ts. A flow reads the
// state, dispatches actions and starts effects; it draws nothing. Keeping
// them apart from the table lets the table stay data (which key, where, what
// it says) and lets several keys share one flow.
import { CUSTOM_LIFETIME } from '../state/lifetimes';
import { currentScreen, detailToken, resultSettled, secretAtStake, wizardIsFilled, wizardNeedsAccount, wizardTtl } from '../state/selectors';
import type { Store } from '../state/store';
import type { Action, State } from '../state/types';
import type { KeyContext } from './context';

export interface KeyActionContext {
  store: Store;
  state: State;
  input: string;
  exit(): void;
}

export type KeyFlow = (ctx: KeyActionContext) => void;

/** A flow that only dispatches this action. */
export const send = (action: Action): KeyFlow => ({ store }) => store.dispatch(action);

/**
 * For a moment after the secret appears, the result step's keys do nothing:
 * a second Enter meant for the review step must not leave it unseen.
 */
export function whenSettled(flow: KeyFlow): KeyFlow {
  return (ctx) => {
    const { state, store } = ctx;
    if (currentScreen(state) === 'wizard' && !resultSettled(state, store.effects.now())) return;
    flow(ctx);
  };
}

/** Ctrl+C never asks: it is how people interrupt, and it exits 130 like the CLI. */
export const interrupt: KeyFlow = ({ store, exit }) => {
  store.dispatch({ type: 'app/interrupted' });
  exit();
};

/** q: quits, unless that would lose something: a new secret nobody copied or saved, or a filled draft, asks first. */
export const quit: KeyFlow = ({ store, state, exit }) => {
  // A create in flight cannot be called back; Ctrl+C is there for those who mean it.
  if (state.wizard.busy) return;
  if (secretAtStake(state)) return store.dispatch({ type: 'dialog/open-leave-result', leaveTo: 'quit' });
  if (currentScreen(state) === 'wizard' && state.wizard.step !== 'result' && wizardIsFilled(state)) {
    return store.dispatch({ type: 'dialog/open-leave-wizard', leaveTo: 'quit' });
  }
  exit();
};

/** Answers the open question; Yes does what the question was about. */
export function answer(choice: 'yes' | 'no' | 'highlighted'): KeyFlow {
  return ({ store, state, exit }) => {
    const dialog = state.dialog;
    store.dispatch({ type: 'dialog/close' });
    const yes = choice === 'highlighted' ? dialog?.choice === 'yes' : choice === 'yes';
    if (!dialog || !yes) return;
    switch (dialog.kind) {
      case 'confirm-delete':
        void store.effects.deleteToken(dialog.tokenId);
        return;
      case 'confirm-bulk-delete':
        void store.effects.deleteMarked(dialog.ids);
        return;
      case 'confirm-rotate':
        startRotation(store, state, { id: dialog.tokenId, name: dialog.tokenName });
        return;
      case 'confirm-leave-wizard':
      case 'confirm-leave-result':
        if (dialog.leaveTo === 'quit') return exit();
        store.dispatch({ type: 'wizard/reset' });
        store.dispatch({ type: 'screen/pop' });
        return;
      case 'confirm-leave-add-profile':
        store.dispatch({ type: 'add-profile/reset' });
        store.dispatch({ type: 'screen/pop' });
        return;
      case 'confirm-remove-profile':
        void store.effects.removeProfile(dialog.profileName);
        return;
    }
  };
}

/** After Yes to a rotation: the account step when the environment lacks the account, else the rotation itself. */
function startRotation(store: Store, state: State, token: { id: string; name: string }): void {
  const needsAccount = wizardNeedsAccount(state);
  store.dispatch({ type: 'wizard/start-rotate', token, needsAccount, ...(state.session.email && { email: state.session.email.value }) });
  if (!needsAccount) void store.effects.rotateToken();
}

/** `E`: marks every expired token the filter shows, by the store's clock. */
export const markExpired: KeyFlow = ({ store }) => store.dispatch({ type: 'marks/expired', now: store.effects.now() });

/** `d` with marks: all of them after one question, unless a bulk delete still runs. */
export const deleteMarked: KeyFlow = ({ store, state }) => {
  if (state.bulkDelete?.running) {
    return store.dispatch({ type: 'message/set', message: { kind: 'info', text: 'A delete of marked tokens is still running.', hint: 'wait for it to finish' } });
  }
  store.dispatch({ type: 'dialog/open-bulk-delete' });
};

/** Esc or Enter on the report of a bulk delete: back to the list. */
export const closeDeletions: KeyFlow = ({ store }) => {
  store.dispatch({ type: 'bulk/dismiss' });
  store.dispatch({ type: 'screen/pop' });
};

export const answerProfileOffer: KeyFlow = ({ store }) => void store.effects.answerProfileOffer();

export const refreshTokens: KeyFlow = ({ store }) => void store.effects.loadTokens();

export const newToken: KeyFlow = ({ store, state }) =>
  store.dispatch({ type: 'wizard/start', ...(state.session.email && { email: state.session.email.value }) });

export const openProfiles: KeyFlow = ({ store }) => {
  store.dispatch({ type: 'screen/push', screen: 'profiles' });
  void store.effects.loadProfiles();
};

export const copyTokenId: KeyFlow = ({ store, state }) => {
  const token = detailToken(state);
  if (token) store.effects.copy(token.id, 'token ID');
};

function selectedProfile(state: State): string | undefined {
  return state.profiles.items[state.profiles.selection]?.name;
}

export const useProfile: KeyFlow = ({ store, state }) => {
  const name = selectedProfile(state);
  if (name !== undefined) void store.effects.switchProfile(name);
};

export const makeDefaultProfile: KeyFlow = ({ store, state }) => {
  const name = selectedProfile(state);
  if (name !== undefined) void store.effects.setDefaultProfile(name);
};

export const addProfile: KeyFlow = ({ store, state }) =>
  store.dispatch({ type: 'add-profile/start', ...(state.session.email && { email: state.session.email.value }) });

/** Enter in the form: the next field, or the login from the last one (the email's, when the environment holds the password). */
export const addProfileEnter: KeyFlow = ({ store, state }) => {
  const { field } = state.addProfile;
  const last = field === 'password' || (field === 'email' && state.session.password !== undefined && state.addProfile.email !== '');
  if (last) void store.effects.addProfile();
  else store.dispatch({ type: 'add-profile/next' });
};

/** Esc in the form: a field back, and from the first field out, asking first when something was typed. */
export const addProfileBack: KeyFlow = ({ store, state }) => {
  if (state.addProfile.field !== 'name') store.dispatch({ type: 'add-profile/back' });
  else if (state.addProfile.name !== '' || state.addProfile.password !== '') store.dispatch({ type: 'dialog/open-leave-add-profile' });
  else store.dispatch({ type: 'screen/pop' });
};

export const wizardEnter: KeyFlow = ({ store, state }) => {
  const rotating = state.wizard.mode === 'rotate';
  if (state.wizard.step === 'review') {
    void (rotating ? store.effects.rotateToken() : store.effects.createToken());
    return;
  }
  store.dispatch({ type: 'wizard/next' });
  // A rotation has nothing to review: the password's Enter rotates.
  if (rotating && store.getState().wizard.step === 'review') void store.effects.rotateToken();
};

/**
 * A lifetime row picked (Enter or its digit): a preset moves on; the custom
 * row only takes the focus until a valid value is typed in it, so picking it
 * is not answered with "is empty" before anything could be typed.
 */
export const pickLifetime = (index: number): KeyFlow => (ctx) => {
  const { store } = ctx;
  store.dispatch({ type: 'wizard/choose-lifetime', index });
  const w = store.getState().wizard;
  if (w.lifetimeChoice === CUSTOM_LIFETIME && !wizardTtl(w).ok) return;
  wizardEnter({ ...ctx, state: store.getState() });
};

/** Esc in the wizard: a step back, and from the first step out, asking first when something was typed. */
export const leaveWizard: KeyFlow = ({ store, state }) => {
  const w = state.wizard;
  const firstOfRotation = w.mode === 'rotate' && ((w.step === 'account' && w.accountField === 'email') || (w.step === 'review' && w.password === ''));
  if (firstOfRotation) {
    store.dispatch({ type: 'wizard/reset' });
    store.dispatch({ type: 'screen/pop' });
    return;
  }
  if (state.wizard.step === 'name') {
    if (wizardIsFilled(state)) store.dispatch({ type: 'dialog/open-leave-wizard' });
    else store.dispatch({ type: 'screen/pop' });
    return;
  }
  store.dispatch({ type: 'wizard/back' });
};

export const copySecret: KeyFlow = ({ store, state }) => {
  const secret = state.wizard.result?.token;
  if (secret) {
    store.effects.copy(secret, 'secret');
    store.dispatch({ type: 'wizard/copied' });
  }
};

/**
 * Ctrl+U: empties the focused text field, as shells do. The field's value is
 * the store's, so clearing it is a new value handed down to the component
 * (whose cursor follows to the end), not a reach into its editing.
 */
export const clearField: KeyFlow = ({ store, state }) => {
  if (currentScreen(state) === 'add-profile') store.dispatch({ type: 'add-profile/edit', value: '' });
  else if (currentScreen(state) === 'wizard') store.dispatch({ type: 'wizard/edit', value: '' });
};

export const saveWizardAsProfile: KeyFlow = ({ store }) => void store.effects.saveWizardAsProfile();

/** Leaves the result step, asking first while its secret was neither copied nor saved. */
export const leaveResult: KeyFlow = ({ store, state }) => {
  if (secretAtStake(state)) return store.dispatch({ type: 'dialog/open-leave-result', leaveTo: 'list' });
  store.dispatch({ type: 'wizard/reset' });
  store.dispatch({ type: 'screen/pop' });
};

/**
 * What a printable key does in a text field when the dispatcher types it: in
 * the list's filter, and for a run of keys that arrived in one read holding
 * an Enter or a key of the context (the text-input fields type the rest
 * themselves, at their cursor, and report whole values).
 */
export function typeInto({ store, state, input }: KeyActionContext, context: KeyContext): void {
  switch (context) {
    case 'filter':
      store.dispatch({ type: 'filter/input', text: input });
      return;
    case 'add-profile':
      store.dispatch({ type: 'add-profile/input', text: input });
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
