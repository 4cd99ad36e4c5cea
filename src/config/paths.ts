// Where the config file and the server's database live. The config path must
// be the one the official Go CLI computes (os.UserConfigDir + appclacks/
// appclacks.yaml), or the two programs would not share profiles.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, UsageError } from '../errors';
import { ENV, envValue } from './env';
import type { ConfigFlags, Env, Resolved } from './types';

export const CONFIG_DIR_NAME = 'appclacks';
export const CONFIG_FILE_NAME = 'appclacks.yaml';
/** The name some published documentation gives the file by mistake. */
export const MISSPELLED_CONFIG_FILE_NAME = 'appaclacks.yaml';
export const SERVER_DATABASE_FILE_NAME = 'server.db';

const NO_DIR_HINT = 'set HOME, or name a config file with --config PATH or APPCLACKS_CONFIG';

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/**
 * $HOME, or `homedir` when HOME is unset. Go's functions fail without HOME,
 * so callers that want Go's behaviour leave `homedir` undefined.
 */
function homeFrom(env: Env, homedir: string | undefined): string | undefined {
  return envValue(env, ENV.home) ?? (homedir === '' ? undefined : homedir);
}

/** Go's os.UserConfigDir, for the three platforms the official CLI ships on. */
export function userConfigDir(env: Env, platform: NodeJS.Platform = process.platform, homedir?: string): string {
  if (platform === 'win32') {
    const appData = envValue(env, ENV.appData);
    if (appData === undefined) throw new ConfigError('%AppData% is not defined', { hint: NO_DIR_HINT });
    return appData;
  }
  if (platform === 'darwin') {
    return path.posix.join(requireHome(env, homedir), 'Library', 'Application Support');
  }
  // Go itself fails on a relative XDG_CONFIG_HOME; the XDG spec (and
  // docs/api.md) say to ignore it, which lands on the same file as every other tool.
  const xdg = envValue(env, ENV.xdgConfigHome);
  if (xdg !== undefined && path.posix.isAbsolute(xdg)) return xdg;
  return path.posix.join(requireHome(env, homedir), '.config');
}

/** The per-user data directory (XDG_DATA_HOME; Application Support; %LocalAppData%). */
export function userDataDir(env: Env, platform: NodeJS.Platform = process.platform, homedir?: string): string {
  if (platform === 'win32') {
    const localAppData = envValue(env, ENV.localAppData);
    if (localAppData === undefined) throw new ConfigError('%LocalAppData% is not defined', { hint: NO_DIR_HINT });
    return localAppData;
  }
  if (platform === 'darwin') {
    return path.posix.join(requireHome(env, homedir), 'Library', 'Application Support');
  }
  const xdg = envValue(env, ENV.xdgDataHome);
  if (xdg !== undefined && path.posix.isAbsolute(xdg)) return xdg;
  return path.posix.join(requireHome(env, homedir), '.local', 'share');
}

function requireHome(env: Env, homedir: string | undefined): string {
  const home = homeFrom(env, homedir);
  if (home === undefined) throw new ConfigError('$HOME is not defined', { hint: NO_DIR_HINT });
  return home;
}

/** <user config dir>/appclacks/appclacks.yaml, as the official CLI computes it. */
export function configFilePath(env: Env, platform: NodeJS.Platform = process.platform, homedir?: string): string {
  return pathFor(platform).join(userConfigDir(env, platform, homedir), CONFIG_DIR_NAME, CONFIG_FILE_NAME);
}

/** Default for `appclacks server --db`: <user data dir>/appclacks/server.db. */
export function serverDatabasePath(env: Env, platform: NodeJS.Platform = process.platform, homedir?: string): string {
  return pathFor(platform).join(userDataDir(env, platform, homedir), CONFIG_DIR_NAME, SERVER_DATABASE_FILE_NAME);
}

export interface ConfigPathOptions {
  flags?: ConfigFlags;
  env: Env;
  platform?: NodeJS.Platform;
  homedir?: string;
  /** Base for a relative --config or APPCLACKS_CONFIG. */
  cwd?: string;
}

export interface ConfigPathResolution {
  configPath: Resolved<string>;
  notices: string[];
}

/**
 * Which file to use: --config, else APPCLACKS_CONFIG, else the default path;
 * the default falls back to the misspelled appaclacks.yaml when only that
 * one exists, with a notice, so users who followed the docs are not lost.
 */
export async function resolveConfigPath(options: ConfigPathOptions): Promise<ConfigPathResolution> {
  const { env, platform = process.platform, homedir, cwd = process.cwd() } = options;
  const flag = options.flags?.config;
  if (flag !== undefined) {
    if (flag === '') throw new UsageError('--config needs a file path', { hint: 'e.g. --config ./appclacks.yaml' });
    return { configPath: { value: pathFor(platform).resolve(cwd, flag), source: { kind: 'flag', name: '--config' } }, notices: [] };
  }
  const fromEnv = envValue(env, ENV.config);
  if (fromEnv !== undefined) {
    return { configPath: { value: pathFor(platform).resolve(cwd, fromEnv), source: { kind: 'env', name: ENV.config } }, notices: [] };
  }
  const preferred = configFilePath(env, platform, homedir);
  const misspelled = pathFor(platform).join(pathFor(platform).dirname(preferred), MISSPELLED_CONFIG_FILE_NAME);
  if (!(await isFile(preferred)) && (await isFile(misspelled))) {
    const shown = displayPath(misspelled, env, platform);
    return {
      configPath: { value: misspelled, source: { kind: 'default' } },
      notices: [
        `reading ${shown}, the misspelled name from the published docs; the official CLI reads ${CONFIG_FILE_NAME}, rename the file to share it`,
      ],
    };
  }
  return { configPath: { value: preferred, source: { kind: 'default' } }, notices: [] };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A path for messages: the home directory shown as `~`. */
export function displayPath(file: string, env: Env, platform: NodeJS.Platform = process.platform): string {
  const home = platform === 'win32' ? undefined : envValue(env, ENV.home);
  if (home === undefined || home === '/') return file;
  const trimmed = home.replace(/\/+$/, '');
  if (file === trimmed) return '~';
  return file.startsWith(`${trimmed}/`) ? `~${file.slice(trimmed.length)}` : file;
}
