// The contract of src/config: the one place that reads the environment and
// the config file, and says where every value came from.

/** The environment as a plain map; tests pass their own. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Where a resolved value came from, for `profile current`, the UI header and hints. */
export type Source =
  | { kind: 'flag'; name: string } // e.g. "--endpoint"
  | { kind: 'env'; name: string } // e.g. "APPCLACKS_TOKEN"
  | { kind: 'profile'; name: string } // a field of profile <name> in the file
  | { kind: 'file'; name: string } // a top-level key of the file, e.g. "default-profile"
  | { kind: 'default' }; // built-in default

export interface Resolved<T> {
  value: T;
  source: Source;
}

/** One profile as stored in the file (official CLI's keys: organization-id, api-token). */
export interface Profile {
  name: string;
  /** Empty when the file lacks it or holds no text there (see `problems`). */
  organizationId: string;
  /** Empty when the file lacks it or holds no text there (see `problems`). */
  apiToken: string;
  /**
   * Set, and never empty, only for a profile read from a file that lacks a
   * field or holds something other than text in it. Such a profile is listed,
   * removable and replaceable; it fails only when it is used and the
   * environment does not supply the value.
   */
  problems?: ProfileProblem[];
}

/** Why one field of a stored profile cannot be used. */
export interface ProfileProblem {
  key: 'organization-id' | 'api-token';
  /** "missing", "empty", or e.g. "a list, not a string". */
  problem: string;
  /** 1-based line in the file: of the value, or of the profile's name when the key is missing. */
  line?: number;
}

/** The file's content as the program uses it. */
export interface ConfigData {
  defaultProfile?: string;
  /** In file order. */
  profiles: Profile[];
}

/** Values from command-line flags that take part in resolution. */
export interface ConfigFlags {
  profile?: string;
  endpoint?: string;
  config?: string;
}

export interface ResolvedContext {
  /** The config file in use, and why (flag --config, env APPCLACKS_CONFIG, default). */
  configPath: Resolved<string>;
  /** configPath for messages, with `~` for the home directory. */
  configDisplayPath?: string;
  /** Said once when only the misspelled appaclacks.yaml exists and was read. */
  notices: string[];
  /** Loose modes of the config file or its directory (permissions.ts), one line each. */
  warnings: string[];
  /** The file's content (empty when the file does not exist). */
  data: ConfigData;
  /** The selected profile name, when one is selected (flag, env, file default). */
  profileName?: Resolved<string>;
  /** The selected profile, when it exists in the file. */
  profile?: Profile;
  /**
   * Set when a profile is selected (by flag, env or default-profile) but the
   * file has no such profile. resolveContext does not throw for it, so
   * `profile list` still works; requireTokenCredentials does.
   */
  missingProfile?: Resolved<string>;
  organizationId?: Resolved<string>;
  token?: Resolved<string>;
  email?: Resolved<string>;
  password?: Resolved<string>;
  endpoint: Resolved<string>;
  /** Env vars that override a value of the selected profile, e.g. ["APPCLACKS_TOKEN"]. */
  overriddenBy: string[];
}
