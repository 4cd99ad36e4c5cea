// Editing the config file goes through the yaml Document, so comments, key
// order and keys we do not know survive a write: people and the official CLI
// share this file.
import { isAlias, isMap, isScalar, Scalar, YAMLMap } from './yaml';
import type { Pair } from 'yaml';
import type { Document } from 'yaml';
import type { UsageError } from '../errors';
import { profileNotFound } from './context';
import { KEYS, keyText, parseEditableDocument, readConfigData } from './file';
import { assertProfileName } from './profile-name';
import type { ConfigData, Profile } from './types';

/**
 * An editable config file. Every change goes to the yaml Document in place,
 * so whatever the file holds besides our keys is written back unchanged.
 */
export class ConfigDocument {
  private dirty = false;
  /**
   * What data() and toString() last gave, until the next change: each is a
   * whole parse or print of the file, and a change to one of 10,000 profiles
   * used to pay several of each (15 s in all).
   */
  private cache: { text?: string; data?: ConfigData } = {};

  constructor(
    readonly document: Document,
    /** The file, as named in messages. */
    readonly file: string,
    /** Spaces per level when writing; the official CLI (Go yaml.v3) writes 4. */
    readonly indent = 2,
    /** Kept so a file edited on Windows does not change every line. */
    readonly lineEnding: '\n' | '\r\n' = '\n',
  ) {}

  /**
   * Parsed once, for editing. The file's shape must be valid before a change
   * (a change to a file we would refuse to read could drop what made it
   * invalid): when it plainly is (plainShape), what it says is read only
   * when asked, and a change pays one more parse, of the new text, before it
   * is written. Otherwise it is read now, and refused as every command would.
   */
  static parse(text: string, file: string): ConfigDocument {
    const lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
    const doc = new ConfigDocument(parseEditableDocument(text, file), file, detectIndent(text), lineEnding);
    // Unchanged, the document says what the text says (errors keep the file's own lines).
    doc.cache = { text };
    if (!plainShape(doc.document)) doc.data();
    return doc;
  }

  get changed(): boolean {
    return this.dirty;
  }

  /** For callers that edited `document` directly. */
  markChanged(): void {
    this.dirty = true;
    this.cache = {};
  }

  /** What the file would say once written: read back from the text, as every reader will read it. */
  data(): ConfigData {
    return (this.cache.data ??= readConfigData(this.toString(), this.file));
  }

  getProfile(name: string): Profile | undefined {
    return this.data().profiles.find((profile) => profile.name === name);
  }

  /** Adds the profile at the end, or replaces its two fields in place (its other keys stay). */
  upsertProfile(profile: Profile): 'created' | 'updated' {
    assertProfileName(profile.name);
    const profiles = this.profilesMap();
    const pair = findPair(profiles, profile.name);
    this.markChanged();
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
    this.markChanged();
    const clearedDefault = this.data().defaultProfile === name;
    if (clearedDefault) {
      deletePairKeepingComments(this.root(), KEYS.defaultProfile);
      this.markChanged();
    }
    return { clearedDefault };
  }

  setDefaultProfile(name: string): void {
    // The profile's own pair says it exists without reading the whole file; a
    // name only a merge key or an alias gives is found by the full read.
    const profiles = this.existingProfilesMap();
    const listed = profiles !== undefined && findPair(profiles, name) !== undefined;
    if (!listed && this.getProfile(name) === undefined) throw this.unknownProfile(name);
    const root = this.root();
    const existing = findPair(root, KEYS.defaultProfile);
    this.markChanged();
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
    if (this.cache.text !== undefined) return this.cache.text;
    // lineWidth 0: never fold long values (tokens, descriptions) onto new lines.
    const text = this.document.toString({ lineWidth: 0, indent: this.indent, flowCollectionPadding: false });
    return (this.cache.text = this.lineEnding === '\n' ? text : text.replace(/\n/g, this.lineEnding));
  }

  unknownProfile(name: string): UsageError {
    return profileNotFound(name, this.file, this.data().profiles.map((profile) => profile.name));
  }

  private root(): YAMLMap<unknown, unknown> {
    const contents = this.document.contents;
    if (isMap(contents)) return contents as YAMLMap<unknown, unknown>;
    // Empty file (or only comments): start a mapping; validation already
    // refused any other kind of top-level value.
    const map = blockMapKeepingComments(contents);
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
    if (pair !== undefined && isMap(pair.value)) {
      const profiles = pair.value as YAMLMap<unknown, unknown>;
      // `profiles: {}` (what an empty map looks like once written) should
      // grow as an ordinary block, not as one long flow line.
      if (profiles.items.length === 0) profiles.flow = false;
      return profiles;
    }
    const map = blockMapKeepingComments(pair?.value);
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

/** A new block mapping that takes over the comments of the empty value it replaces. */
function blockMapKeepingComments(replaced: unknown): YAMLMap<unknown, unknown> {
  const map = new YAMLMap<unknown, unknown>();
  if (isScalar(replaced)) {
    const comments = [replaced.commentBefore, replaced.comment].filter((text) => text !== undefined && text !== null && text !== '');
    if (comments.length > 0) map.commentBefore = comments.join('\n');
  }
  return map;
}

/**
 * Deletes a key, handing the comment above it to what follows. A header
 * comment written directly above `default-profile:` (no blank line) belongs to
 * that key in the yaml tree, and would otherwise vanish with it.
 */
function deletePairKeepingComments(map: YAMLMap<unknown, unknown>, key: string): void {
  const index = map.items.findIndex((pair) => keyText(pair.key) === key);
  if (index < 0) return;
  const [removed] = map.items.splice(index, 1);
  const comment = isScalar(removed?.key) ? removed.key.commentBefore : undefined;
  if (comment === undefined || comment === null || comment === '') return;
  const next = map.items[index]?.key;
  if (isScalar(next)) next.commentBefore = next.commentBefore ? `${comment}\n${next.commentBefore}` : comment;
  else map.comment = map.comment ? `${map.comment}\n${comment}` : comment;
}

/**
 * The shapes validation accepts, checked on the editable Document without a
 * second parse: nothing or a mapping at the top, `profiles` nothing or a
 * mapping, `default-profile` a scalar, and no merge key or alias among them
 * (what those give is left to the full read). False means "read it all".
 */
function plainShape(document: Document): boolean {
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return true;
  if (!isMap(root)) return false;
  const isNothing = (value: unknown) => value === null || (isScalar(value) && value.value === null);
  for (const { key, value } of root.items) {
    const name = keyText(key);
    if (name === '<<' || isAlias(key) || isAlias(value)) return false;
    if (name === KEYS.profiles && !(isNothing(value) || isMap(value))) return false;
    if (name === KEYS.defaultProfile && !(isNothing(value) || isScalar(value))) return false;
    if (name === KEYS.profiles && isMap(value) && value.items.some((pair) => keyText(pair.key) === '<<' || isAlias(pair.key) || isAlias(pair.value))) return false;
  }
  return true;
}

function findPair(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => keyText(pair.key) === key);
}
