// The config file's format: the official CLI's keys (default-profile,
// profiles.<name>.organization-id / api-token). Reading validates; editing
// goes through the yaml Document so comments, key order and keys we do not
// know survive a write, because people and the official CLI share this file.
import { Document, isMap, isScalar, LineCounter, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { Node } from 'yaml';
import { z } from 'zod';
import { ConfigError, UsageError } from '../errors';
import { assertProfileName } from './profile-name';
import type { ConfigData, Profile } from './types';

export const KEYS = {
  defaultProfile: 'default-profile',
  profiles: 'profiles',
  organizationId: 'organization-id',
  apiToken: 'api-token',
} as const;

const profileSchema = z.looseObject({
  [KEYS.organizationId]: z.string(),
  [KEYS.apiToken]: z.string(),
});

const fileSchema = z
  .looseObject({
    [KEYS.defaultProfile]: z.string().nullish(),
    [KEYS.profiles]: z.record(z.string(), profileSchema).nullish(),
  })
  .nullish();

const INVALID_HINT = 'fix the file by hand, or point to another one with --config PATH';

/** A parsed config file: the editable yaml Document and what it says. */
export interface ParsedConfig {
  document: Document;
  data: ConfigData;
}

/**
 * Parses and validates the text of a config file. `file` names the file in
 * messages. Empty text is an empty config. Messages never quote the file's
 * content, since it holds tokens.
 */
export function parseConfigText(text: string, file: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, merge: true, prettyErrors: false, keepSourceTokens: false });
  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    throw new ConfigError(`${file}:${line}: invalid YAML: ${describeYamlError(syntaxError.message)}`, {
      hint: 'fix the YAML at that line; the official CLI cannot read the file either',
    });
  }
  return { document, data: validateDocument(document, file, lineCounter) };
}

/** The yaml library's message without its location and quoted source (a token could be there). */
function describeYamlError(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/:\s*".*"$/, '')
    .trim();
}

export function validateDocument(document: Document, file: string, lineCounter?: LineCounter): ConfigData {
  const result = fileSchema.safeParse(document.toJS({ maxAliasCount: 100 }), { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = lineOf(document, issue.path, lineCounter);
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
    const keyPath = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
    throw new ConfigError(`${file}${where === undefined ? '' : `:${where}`}: ${keyPath}: ${describeIssue(issue)}${more}`, {
      hint: INVALID_HINT,
    });
  }
  const content = result.data ?? {};
  const defaultProfile = content[KEYS.defaultProfile];
  const profiles = profilesInFileOrder(document, content[KEYS.profiles] ?? {});
  // An empty `default-profile:` means none, as the official CLI reads it.
  return typeof defaultProfile === 'string' && defaultProfile !== '' ? { defaultProfile, profiles } : { profiles };
}

// toJS gives a plain object, where integer-like keys ("1", "2024") would jump
// ahead of the others; the Document's items keep the order of the file.
function profilesInFileOrder(document: Document, profiles: Record<string, z.infer<typeof profileSchema>>): Profile[] {
  const map = document.get(KEYS.profiles, true);
  const names = isMap(map) ? map.items.map((pair) => keyText(pair.key)) : Object.keys(profiles);
  const seen = new Set<string>();
  const list: Profile[] = [];
  for (const name of [...names, ...Object.keys(profiles)]) {
    const profile = profiles[name];
    if (profile === undefined || seen.has(name)) continue;
    seen.add(name);
    list.push({ name, organizationId: profile[KEYS.organizationId], apiToken: profile[KEYS.apiToken] });
  }
  return list;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const input = (issue as { input?: unknown }).input;
    if (input === undefined) return `missing (expected ${article(issue.expected)})`;
    return `expected ${article(issue.expected)}, got ${kindOf(input)}`;
  }
  return issue.message;
}

function article(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'object':
    case 'record':
    case 'map':
      return 'a mapping';
    default:
      return expected;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'object':
      return 'a mapping';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}

/** The line of the node at `path`, or of its nearest existing parent (for a missing key). */
function lineOf(document: Document, path: readonly PropertyKey[], lineCounter: LineCounter | undefined): number | undefined {
  if (lineCounter === undefined) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as Node | null | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}

/**
 * An editable config file. Every change goes to the yaml Document in place,
 * so whatever the file holds besides our keys is written back unchanged.
 */
export class ConfigDocument {
  private dirty = false;

  constructor(
    readonly document: Document,
    /** The file, as named in messages. */
    readonly file: string,
    /** Spaces per level when writing; the official CLI (Go yaml.v3) writes 4. */
    readonly indent = 2,
  ) {}

  static parse(text: string, file: string): ConfigDocument {
    return new ConfigDocument(parseConfigText(text, file).document, file, detectIndent(text));
  }

  get changed(): boolean {
    return this.dirty;
  }

  /** For callers that edited `document` directly. */
  markChanged(): void {
    this.dirty = true;
  }

  data(): ConfigData {
    return validateDocument(this.document, this.file);
  }

  getProfile(name: string): Profile | undefined {
    return this.data().profiles.find((profile) => profile.name === name);
  }

  /** Adds the profile at the end, or replaces its two fields in place (its other keys stay). */
  upsertProfile(profile: Profile): 'created' | 'updated' {
    assertProfileName(profile.name);
    const profiles = this.profilesMap();
    const pair = findPair(profiles, profile.name);
    this.dirty = true;
    if (pair !== undefined && isMap(pair.value)) {
      pair.value.set(KEYS.organizationId, profile.organizationId);
      pair.value.set(KEYS.apiToken, profile.apiToken);
      return 'updated';
    }
    const fields = this.document.createNode({
      [KEYS.organizationId]: profile.organizationId,
      [KEYS.apiToken]: profile.apiToken,
    });
    if (pair !== undefined) {
      pair.value = fields;
      return 'updated';
    }
    profiles.items.push(this.document.createPair(profile.name, fields) as Pair<unknown, unknown>);
    return 'created';
  }

  /**
   * Removes a profile. When it was the default, the default is removed too:
   * pointing at a profile that no longer exists would make the next command
   * fail with a confusing "not found", and silently choosing another profile
   * could send commands to another organization.
   */
  removeProfile(name: string): { clearedDefault: boolean } {
    const profiles = this.existingProfilesMap();
    const index = profiles?.items.findIndex((pair) => keyText(pair.key) === name) ?? -1;
    if (profiles === undefined || index < 0) throw this.unknownProfile(name);
    profiles.items.splice(index, 1);
    this.dirty = true;
    const clearedDefault = this.data().defaultProfile === name;
    if (clearedDefault) this.root().delete(KEYS.defaultProfile);
    return { clearedDefault };
  }

  setDefaultProfile(name: string): void {
    if (this.getProfile(name) === undefined) throw this.unknownProfile(name);
    const root = this.root();
    const existing = findPair(root, KEYS.defaultProfile);
    this.dirty = true;
    if (existing !== undefined) {
      if (isScalar(existing.value)) existing.value.value = name;
      else existing.value = new Scalar(name);
      return;
    }
    // The official CLI writes default-profile first; keep that shape.
    const pair = this.document.createPair(KEYS.defaultProfile, name) as Pair<unknown, unknown>;
    const profilesIndex = root.items.findIndex((item) => keyText(item.key) === KEYS.profiles);
    root.items.splice(profilesIndex < 0 ? root.items.length : profilesIndex, 0, pair);
  }

  toString(): string {
    // lineWidth 0: never fold long values (tokens, descriptions) onto new lines.
    return this.document.toString({ lineWidth: 0, indent: this.indent, flowCollectionPadding: false });
  }

  unknownProfile(name: string): UsageError {
    return profileNotFound(name, this.file, this.data().profiles.map((profile) => profile.name));
  }

  private root(): YAMLMap<unknown, unknown> {
    const contents = this.document.contents;
    if (isMap(contents)) return contents as YAMLMap<unknown, unknown>;
    // Empty file (or only comments): start a mapping; validation already
    // refused any other kind of top-level value.
    const map = new YAMLMap<unknown, unknown>();
    this.document.contents = map as unknown as typeof this.document.contents;
    return map;
  }

  private existingProfilesMap(): YAMLMap<unknown, unknown> | undefined {
    const contents = this.document.contents;
    if (!isMap(contents)) return undefined;
    const value = findPair(contents as YAMLMap<unknown, unknown>, KEYS.profiles)?.value;
    return isMap(value) ? (value as YAMLMap<unknown, unknown>) : undefined;
  }

  private profilesMap(): YAMLMap<unknown, unknown> {
    const root = this.root();
    const pair = findPair(root, KEYS.profiles);
    if (pair !== undefined && isMap(pair.value)) return pair.value as YAMLMap<unknown, unknown>;
    const map = new YAMLMap<unknown, unknown>();
    if (pair !== undefined) pair.value = map; // `profiles:` with no value
    else root.items.push(this.document.createPair(KEYS.profiles, map) as Pair<unknown, unknown>);
    return map;
  }
}

/** The file's indentation step: the smallest indentation of a line holding a key or item. */
export function detectIndent(text: string): number {
  let smallest = Infinity;
  for (const line of text.split(/\r?\n/)) {
    const match = /^( +)[^\s#]/.exec(line);
    if (match?.[1] !== undefined) smallest = Math.min(smallest, match[1].length);
  }
  return smallest >= 1 && smallest <= 8 ? smallest : 2;
}

function findPair(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => keyText(pair.key) === key);
}

/** The error for a selected or named profile that the file does not have. */
export function profileNotFound(name: string, file: string, known: readonly string[]): UsageError {
  const knownText = known.length === 0 ? 'the file has no profiles' : `known profiles: ${known.join(', ')}`;
  return new UsageError(`profile ${JSON.stringify(name)} not found in ${file}; ${knownText}`, {
    hint: 'run `appclacks login` to create it, or pick a known profile with --profile',
  });
}
