// Reads and changes the config file. Two programs may change it at once (a
// `login` in one terminal, a default switch in the UI in another; the official
// CLI too, though it takes no lock): every change takes a lock, re-reads the
// file under it, applies itself to what is there now, and writes atomically.
import { mkdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type lockfile from 'proper-lockfile';
import { ConfigError } from '../errors';
import { CONFIG_DIR_MODE, nodeWriteSteps, removeOrphanTempFiles, writeFileAtomically } from './atomic-write';
import type { WriteSteps } from './atomic-write';
import type { ConfigDocument } from './document';
import type { ConfigData, Profile } from './types';

// The YAML parser and the lock are imported when a file is there to parse or
// to change: a command that runs on environment variables alone (CI) never
// compiles them, about a sixth of `appclacks token list`'s start-up.

export interface ConfigStoreOptions {
  /** How messages name the file, e.g. with `~` for the home directory. Default: the path. */
  displayPath?: string;
  /** A lock older than this (ms) belongs to a dead process and is taken over. Default 10000, minimum 2000. */
  staleLockMs?: number;
  /** How long to wait for another writer before giving up (ms). Default 30000. */
  lockWaitMs?: number;
  /** Test seam: replace a step of the atomic write. */
  writeSteps?: Partial<WriteSteps>;
}

/** When upsertProfile also makes the profile the default. */
export type MakeDefault = 'always' | 'if-unset' | 'never';

export interface UpsertResult {
  action: 'created' | 'updated';
  /** True when the profile is now the default because of this call. */
  madeDefault: boolean;
}

export interface RemoveResult {
  /** True when the removed profile was the default, so there is no default now. */
  clearedDefault: boolean;
}

export class ConfigStore {
  readonly path: string;
  private readonly displayPath: string;
  private readonly staleLockMs: number;
  private readonly lockWaitMs: number;
  private readonly writeSteps: WriteSteps;

  constructor(filePath: string, options: ConfigStoreOptions = {}) {
    this.path = path.resolve(filePath);
    this.displayPath = options.displayPath ?? filePath;
    this.staleLockMs = Math.max(options.staleLockMs ?? 10_000, 2_000);
    this.lockWaitMs = options.lockWaitMs ?? 30_000;
    this.writeSteps = { ...nodeWriteSteps, ...options.writeSteps };
  }

  /** The file's content; a missing or empty file is an empty config. */
  async read(): Promise<ConfigData> {
    // No lock: writers replace the file by rename, so a read sees all of one version.
    const text = await this.readText(this.path);
    // What readConfigData gives for no text at all, without loading the parser.
    if (text === '') return { profiles: [] };
    // Only what it says: the editable Document is a second parse, for update().
    const { readConfigData } = await import('./file');
    return readConfigData(text, this.displayPath);
  }

  async listProfiles(): Promise<Profile[]> {
    return (await this.read()).profiles;
  }

  async getProfile(name: string): Promise<Profile | undefined> {
    return (await this.read()).profiles.find((profile) => profile.name === name);
  }

  /**
   * Adds or replaces a profile, keeping every other one. `makeDefault:
   * 'if-unset'` is what `login` does (the default is decided under the lock,
   * so two logins cannot both believe they set it).
   */
  async upsertProfile(profile: Profile, options: { makeDefault?: MakeDefault } = {}): Promise<UpsertResult> {
    const makeDefault = options.makeDefault ?? 'never';
    return this.update((doc) => {
      const action = doc.upsertProfile(profile);
      const current = doc.data().defaultProfile;
      const wanted = makeDefault === 'always' || (makeDefault === 'if-unset' && current === undefined);
      if (wanted && current !== profile.name) {
        doc.setDefaultProfile(profile.name);
        return { action, madeDefault: true };
      }
      return { action, madeDefault: false };
    });
  }

  /** Removes a profile (UsageError when unknown); clears default-profile when it named it. */
  async removeProfile(name: string): Promise<RemoveResult> {
    return this.update((doc) => doc.removeProfile(name));
  }

  /**
   * Makes a profile the default; UsageError listing the known names when it
   * does not exist. Resolves to the profile as the file now holds it, read
   * from the check of the new text, so a caller need not read the file again.
   */
  async setDefaultProfile(name: string): Promise<Profile | undefined> {
    return this.update((doc) => {
      doc.setDefaultProfile(name);
      return doc.getProfile(name);
    });
  }

  /**
   * Runs `mutate` on the file as it is now, under the lock, and writes the
   * result when it changed something. Keep `mutate` short: other writers wait.
   */
  async update<T>(mutate: (doc: ConfigDocument) => T | Promise<T>): Promise<T> {
    const target = await this.writeTarget();
    await this.ensureDirectory(path.dirname(target));
    let compromised: Error | undefined;
    const release = await this.lock(target, (error) => {
      compromised = error;
    });
    try {
      const { ConfigDocument } = await import('./document');
      const doc = ConfigDocument.parse(await this.readText(target), this.displayPath);
      const result = await mutate(doc);
      if (doc.changed) {
        doc.data(); // never write a file we would refuse to read
        if (compromised !== undefined) throw this.lostLock();
        await removeOrphanTempFiles(target);
        await this.write(target, doc.toString());
      }
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  // A symlinked config (dotfile managers) is updated where it points, so the
  // link survives the rename.
  private async writeTarget(): Promise<string> {
    try {
      return await realpath(this.path);
    } catch {
      return this.path;
    }
  }

  private async ensureDirectory(dir: string): Promise<void> {
    try {
      await mkdir(dir, { recursive: true, mode: CONFIG_DIR_MODE });
    } catch (error) {
      throw new ConfigError(`cannot create ${path.dirname(this.displayPath)}: ${errorCode(error)}`, {
        hint: 'check the directory permissions, or point to another file with --config PATH',
        cause: error,
      });
    }
  }

  private async lock(target: string, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
    const { default: lockfile } = await import('proper-lockfile');
    try {
      return await lockfile.lock(target, {
        realpath: false, // the file may not exist yet
        stale: this.staleLockMs,
        retries: retriesFor(this.lockWaitMs),
        onCompromised,
      });
    } catch (error) {
      if (errorCode(error) === 'ELOCKED') {
        throw new ConfigError(`another process is changing ${this.displayPath}; gave up waiting`, {
          hint: `try again; if no appclacks is running, delete ${this.displayPath}.lock`,
          cause: error,
        });
      }
      throw new ConfigError(`cannot lock ${this.displayPath}: ${errorCode(error)}`, {
        hint: 'check the directory permissions, or point to another file with --config PATH',
        cause: error,
      });
    }
  }

  private async write(target: string, content: string): Promise<void> {
    try {
      await writeFileAtomically(target, content, this.writeSteps);
    } catch (error) {
      throw new ConfigError(`cannot write ${this.displayPath}: ${errorCode(error)}; the file was left as it was`, {
        hint: 'check free disk space and the directory permissions',
        cause: error,
      });
    }
  }

  private lostLock(): ConfigError {
    return new ConfigError(`lost the lock on ${this.displayPath} while changing it; nothing was written`, {
      hint: 'try again',
    });
  }

  private async readText(file: string): Promise<string> {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return '';
      throw new ConfigError(`cannot read ${this.displayPath}: ${errorCode(error)}`, {
        hint: 'check the file permissions, or point to another file with --config PATH',
        cause: error,
      });
    }
  }
}

/** Backoff from 10ms to 500ms with jitter, for about `waitMs` in total. */
function retriesFor(waitMs: number): lockfile.LockOptions['retries'] {
  const maxTimeout = 500;
  let retries = 0;
  let total = 0;
  for (let delay = 10; total < waitMs; retries++) {
    total += delay;
    delay = Math.min(delay * 1.5, maxTimeout);
  }
  return { retries, factor: 1.5, minTimeout: 10, maxTimeout, randomize: true };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
