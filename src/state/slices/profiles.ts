// The profiles screen's list: the profiles of the config file, which one is
// the default, and the selection. After a reload the selection stays on the
// same profile (or the one asked for, or the session's), not the same index.
// Each profile's token (expiry, ID) arrives later, one profile at a time.
import type { ProfilesState } from '../types';
import { clamp, type SliceReducer } from './slice';

export function initialProfiles(): ProfilesState {
  return { status: 'idle', items: [], selection: 0, tokens: {} };
}

export const profilesReducer: SliceReducer<ProfilesState> = (profiles, action, root) => {
  const last = Math.max(0, profiles.items.length - 1);
  switch (action.type) {
    case 'profiles/loading':
      return { ...profiles, status: 'loading', error: undefined };
    case 'profiles/loaded': {
      const wanted = action.selectName ?? profiles.items[profiles.selection]?.name ?? root.session.profileName?.value;
      const found = action.items.findIndex((p) => p.name === wanted);
      const selection = found >= 0 ? found : clamp(profiles.selection, 0, Math.max(0, action.items.length - 1));
      // What is known of each token stays until the background fetch answers again (effects.ts).
      const names = new Set(action.items.map((p) => p.name));
      const known = Object.fromEntries(Object.entries(profiles.tokens).filter(([name]) => names.has(name)));
      return { status: 'loaded', items: action.items, defaultProfile: action.defaultProfile, selection, tokens: known };
    }
    case 'profiles/failed':
      return { ...profiles, status: 'error', error: action.error };
    case 'profiles/move':
      return { ...profiles, selection: clamp(profiles.selection + action.delta, 0, last) };
    case 'profiles/highlight':
      return { ...profiles, selection: clamp(action.index, 0, last) };
    case 'profiles/jump':
      return { ...profiles, selection: action.to === 'start' ? 0 : last };
    case 'profiles/token':
      return { ...profiles, tokens: { ...profiles.tokens, [action.name]: action.info } };
    case 'profiles/tokens':
      return { ...profiles, tokens: { ...profiles.tokens, ...action.infos } };
    default:
      return profiles;
  }
};
