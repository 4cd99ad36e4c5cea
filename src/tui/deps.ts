// The store's real dependencies: the shared API client and config store, and
// the terminal for OSC 52.
import type { Prefetched, TokenAnswers } from '../state/tokenAnswers';
import type { AppclacksApi } from '../api/types';
import { configStoreFor, resolveContext } from '../config/resolve';
import type { ConfigFlags, Env, ResolvedContext } from '../config/types';
import type { ProfilesFile, StoreDeps } from '../state/deps';
import { sessionFromContext } from './session';

export function profilesFileFor(ctx: ResolvedContext): ProfilesFile {
  const store = configStoreFor(ctx);
  return {
    path: ctx.configDisplayPath ?? ctx.configPath.value,
    async read() {
      const data = await store.read();
      return { profiles: data.profiles, ...(data.defaultProfile !== undefined && { defaultProfile: data.defaultProfile }) };
    },
    async upsert(profile, options = {}) {
      const result = await store.upsertProfile(profile, { makeDefault: options.makeDefault === 'ifNoDefault' ? 'if-unset' : 'never' });
      return result.madeDefault;
    },
    async remove(name) {
      await store.removeProfile(name);
    },
    async setDefault(name) {
      await store.setDefaultProfile(name);
    },
  };
}

export function buildStoreDeps(options: {
  ctx: ResolvedContext;
  flags: ConfigFlags;
  env: Env;
  api: AppclacksApi;
  clock: () => number;
  writeTerminal: (sequence: string) => void;
  firstTokenAnswers?: Prefetched<TokenAnswers>;
}): StoreDeps {
  const { ctx, flags, env } = options;
  return {
    api: options.api,
    profiles: profilesFileFor(ctx),
    async resolveSession(profileName) {
      const next = await resolveContext({ flags: { ...flags, ...(profileName !== undefined && { profile: profileName }) }, env });
      return sessionFromContext(next);
    },
    env,
    clock: options.clock,
    writeTerminal: options.writeTerminal,
    ...(options.firstTokenAnswers && { firstTokenAnswers: options.firstTokenAnswers }),
  };
}
