// A store for one concern's effects on their own: the real reducer, no other
// concern wired in. What the concern needs from the others is the test's to give.
import type { EffectContext } from '../../../src/state/effects/context';
import type { StoreDeps } from '../../../src/state/deps';
import { initialState, reducer } from '../../../src/state/reducer';
import type { Action, SessionInput, State } from '../../../src/state/types';

export function concernStore(deps: StoreDeps, session: SessionInput): EffectContext & { actions: Action['type'][] } {
  let state: State = initialState(session, { columns: 100, rows: 24 });
  const actions: Action['type'][] = [];
  return {
    deps,
    actions,
    store: {
      getState: () => state,
      dispatch(action) {
        actions.push(action.type);
        state = reducer(state, action);
      },
    },
  };
}
