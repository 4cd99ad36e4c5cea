// What the store needs from the outside world. runTui builds the real ones
// (API client, config file, terminal); tests pass a real server's client and a
// temp config file, or fakes.
import type { AppclacksApi } from '../api/types';
import type { Env, Profile } from '../config/types';
import type { Prefetched, TokenAnswers } from './tokenAnswers';
import type { SessionInput } from './types';

export interface ProfilesFile {
  /** The file in use, for messages. */
  readonly path: string;
  read(): Promise<{ profiles: Profile[]; defaultProfile?: string }>;
  /**
   * Adds or replaces one profile; the others and the file's comments stay.
   * `ifNoDefault` also makes it the default when the file has none, decided
   * under the file's lock as `appclacks login` does. Resolves true when it did.
   */
  upsert(profile: Profile, options?: { makeDefault?: 'ifNoDefault' }): Promise<boolean>;
  remove(name: string): Promise<void>;
  setDefault(name: string): Promise<void>;
}

export interface StoreDeps {
  api: AppclacksApi;
  profiles: ProfilesFile;
  /** Resolution as the CLI does it (flags, env, file), for the given profile or the default one. */
  resolveSession(profileName?: string): Promise<SessionInput>;
  env: Env;
  clock: () => number;
  /** Raw bytes for the terminal (OSC 52), outside ink's frames. */
  writeTerminal(sequence: string): void;
  /** The token list and token/current requests runTui started before loading ink, if any. */
  firstTokenAnswers?: Prefetched<TokenAnswers>;
}
