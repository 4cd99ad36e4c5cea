// The store's asynchronous actions, one module per concern, mirroring the
// slices: tokens, profiles, the session, creation, rotation, save-as-profile,
// add-profile, the clipboard. Each calls deps.api / deps.profiles, then
// dispatches what happened. None throws: failures become message lines, and
// what the user typed stays in the state. Here they are wired together: what
// a concern needs from another is handed to it as a function.
import type { StoreDeps } from '../deps';
import { createAddProfileEffects } from './addProfile';
import { createClipboardEffects } from './clipboard';
import type { EffectContext, StoreLike } from './context';
import { createCreationEffects } from './creation';
import { createProfileEffects } from './profiles';
import { createRotationEffects } from './rotation';
import { createSaveAsProfileEffects } from './saveAsProfile';
import { createSessionEffects } from './session';
import { createTokenEffects } from './tokens';

export { PROFILE_TOKEN_CONCURRENCY } from './profiles';

export type Effects = ReturnType<typeof createEffects>;

export function createEffects(store: StoreLike, deps: StoreDeps) {
  const ctx: EffectContext = { store, deps };
  // Tokens and profiles need each other (a deleted session token opens the
  // picker; a switched profile loads its list): each is reached through a
  // function that looks the other up when called.
  const session = createSessionEffects(ctx, { loadProfiles: () => profiles.loadProfiles() });
  const tokens = createTokenEffects(ctx, { credentialsGone: () => session.credentialsGone() });
  const profiles = createProfileEffects(ctx, { loadTokens: () => tokens.loadTokens() });
  const { learnTokenId, loadTokens } = tokens;
  const { loadProfiles } = profiles;
  const rotation = createRotationEffects(ctx, {
    findProfileHolding: profiles.findProfileHolding,
    profileTokenKnown: profiles.profileTokenKnown,
    loadTokens,
    learnTokenId,
  });
  return {
    /** The store's clock, for keys that wait (see RESULT_SETTLE_MS). */
    now: () => deps.clock(),
    loadTokens,
    deleteToken: tokens.deleteToken,
    deleteMarked: tokens.deleteMarked,
    loadProfiles,
    loadProfileTokens: profiles.loadProfileTokens,
    switchProfile: profiles.switchProfile,
    setDefaultProfile: profiles.setDefaultProfile,
    removeProfile: profiles.removeProfile,
    ...createCreationEffects(ctx, { loadTokens }),
    ...rotation,
    ...createSaveAsProfileEffects(ctx, { learnTokenId, loadProfiles: () => loadProfiles() }),
    ...createAddProfileEffects(ctx, { learnTokenId, loadProfiles }),
    ...createClipboardEffects(ctx),
  };
}
