// The one place the slice reducers (slices/) are put together. Pure:
// (state, action) => state, no I/O and no clock; effects.ts feeds results in.
// Each slice owns one part of the State and reads the rest from the state
// before the action. When nothing changed, the same object comes back, so
// the store tells no one.
import { appReducer } from './slices/app';
import { bulkDeleteReducer } from './slices/bulkDelete';
import { dialogReducer } from './slices/dialog';
import { emptyAddProfile, addProfileReducer } from './slices/addProfile';
import { initialNavigation, navigationReducer } from './slices/navigation';
import { initialProfiles, profilesReducer } from './slices/profiles';
import { sessionFrom, sessionReducer } from './slices/session';
import { initialTokenList, tokenListReducer } from './slices/tokenList';
import { emptyWizard, wizardReducer } from './slices/wizard';
import type { Action, SessionInput, Size, State } from './types';

export function initialState(session: SessionInput, size: Size): State {
  return {
    session: sessionFrom(session),
    tokens: initialTokenList(),
    profiles: initialProfiles(),
    wizard: emptyWizard(),
    addProfile: emptyAddProfile(),
    ...initialNavigation(),
    size,
  };
}

export function reducer(state: State, action: Action): State {
  const wizard = wizardReducer(state.wizard, action, state);
  const addProfile = addProfileReducer(state.addProfile, action, state);
  const navigation = navigationReducer({ screens: state.screens, helpOpen: state.helpOpen }, action, state);
  const status = { size: state.size, message: state.message, busy: state.busy, interrupted: state.interrupted };
  const app = appReducer(status, action, state);
  const next: State = {
    session: sessionReducer(state.session, action, state),
    tokens: tokenListReducer(state.tokens, action, state),
    profiles: profilesReducer(state.profiles, action, state),
    wizard,
    addProfile,
    dialog: dialogReducer(state.dialog, action, state),
    screens: navigation.screens,
    helpOpen: navigation.helpOpen,
    size: app.size,
    message: app.message,
    busy: app.busy,
    bulkDelete: bulkDeleteReducer(state.bulkDelete, action, state),
    interrupted: app.interrupted,
  };
  return unchanged(state, next) ? state : next;
}

function unchanged(before: State, after: State): boolean {
  return (Object.keys(after) as (keyof State)[]).every((key) => before[key] === after[key]);
}
