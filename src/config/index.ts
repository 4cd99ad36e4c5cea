// The public API of src/config: resolve who we are, read and change the
// config file, and name where every value came from.
export type { ConfigData, ConfigFlags, Env, Profile, ProfileProblem, Resolved, ResolvedContext, Source } from './types';
export { ENV, envValue, readProcessEnv } from './env';
export type { EnvName } from './env';
export {
  CONFIG_DIR_NAME,
  CONFIG_FILE_NAME,
  MISSPELLED_CONFIG_FILE_NAME,
  configFilePath,
  displayPath,
  resolveConfigPath,
  serverDatabasePath,
  userConfigDir,
  userDataDir,
} from './paths';
export type { ConfigPathOptions, ConfigPathResolution } from './paths';
export { ConfigDocument, detectIndent } from './document';
export { KEYS, parseConfigText, readConfigData } from './file';
export type { ParsedConfig } from './file';
export { ConfigStore } from './store';
export type { ConfigStoreOptions, MakeDefault, RemoveResult, UpsertResult } from './store';
export { CONFIG_DIR_MODE, CONFIG_FILE_MODE } from './atomic-write';
export type { WriteSteps } from './atomic-write';
export { assertProfileName, MAX_PROFILE_NAME_LENGTH, profileNameProblem } from './profile-name';
export { maskToken } from './mask';
export { DEFAULT_ENDPOINT, configStoreFor, normalizeEndpoint, resolveContext } from './resolve';
export {
  accountCredentialsFromEnv,
  describeProfileProblems,
  describeSource,
  profileNotFound,
  profileNotFoundIn,
  repairProfileHint,
  requireTokenCredentials,
} from './context';
export type { ResolveOptions } from './resolve';
