// The config file's format: the official CLI's keys (default-profile,
// profiles.<name>.organization-id / api-token), read with yaml and checked
// with zod. Errors name the file and line, never the content (it holds tokens).
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from './yaml';
import type { Document, DocumentOptions, Node, Pair, ParseOptions, SchemaOptions } from 'yaml';
import { looseObject, nullish, record, string, unknown, type core } from 'zod/mini';
import '../api/zod-messages';
import { ConfigError } from '../errors';
import type { ConfigData, Profile, ProfileProblem } from './types';

export const KEYS = {
  defaultProfile: 'default-profile',
  profiles: 'profiles',
  organizationId: 'organization-id',
  apiToken: 'api-token',
} as const;

// The official CLI (Go, yaml.v3) decodes the file into string fields, and a
// string field takes any scalar's text as written: `2024`, `true` and `0123`
// are the names and tokens "2024", "true" and "0123". Reading with the
// failsafe schema (every scalar a string) plus null and merge keys gives that
// same text. The core-schema Document is kept for editing, so what we write is
// quoted wherever another YAML reader could take it for a number.
type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;
const READ_OPTIONS: YamlOptions = { schema: 'failsafe', customTags: ['null', 'merge'], merge: true };
const EDIT_OPTIONS: YamlOptions = { merge: true };

// Only the shape of the file is fatal. A profile that lacks a field or holds
// a list there is read as incomplete (Profile.problems): one bad profile must
// not stop the commands that would repair it, nor the others.
const fileSchema = nullish(
  looseObject({
    [KEYS.defaultProfile]: nullish(string()),
    [KEYS.profiles]: nullish(record(string(), unknown())),
  }),
);

const PROFILE_FIELDS = [
  { key: KEYS.organizationId, field: 'organizationId' },
  { key: KEYS.apiToken, field: 'apiToken' },
] as const;

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
  const { document } = parseChecked(text, file, EDIT_OPTIONS);
  return { document, data: readConfigData(text, file) };
}

/** Only the editable Document (a syntax error throws); what it says is readConfigData's, a second parse. */
export function parseEditableDocument(text: string, file: string): Document {
  return parseChecked(text, file, EDIT_OPTIONS).document;
}

/** What the text says, read as the official CLI reads it. */
export function readConfigData(text: string, file: string): ConfigData {
  const { document, lineCounter } = parseChecked(text, file, READ_OPTIONS);
  return validateDocument(document, file, lineCounter);
}

function parseChecked(text: string, file: string, options: YamlOptions): { document: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // yaml finds a duplicate key by comparing each key with every key before
  // it in its map: 10,000 profiles took 10 s there. firstDuplicateKey does
  // the same check with a set.
  const document = parseDocument(text, { ...options, uniqueKeys: false, lineCounter, prettyErrors: false, keepSourceTokens: false });
  const syntaxError = document.errors[0];
  const duplicateAt = firstDuplicateKey(document);
  const problem =
    duplicateAt !== undefined && (syntaxError === undefined || duplicateAt < syntaxError.pos[0])
      ? { at: duplicateAt, message: DUPLICATE_KEY_MESSAGE }
      : syntaxError && { at: syntaxError.pos[0], message: describeYamlError(syntaxError.message) };
  if (problem) {
    const line = lineCounter.linePos(problem.at).line;
    throw new ConfigError(`${file}:${line}: invalid YAML: ${problem.message}`, {
      hint: 'fix the YAML at that line; the official CLI cannot read the file either',
    });
  }
  return { document, lineCounter };
}

/** yaml's words for it, as the official CLI refuses such a file too. */
const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/**
 * Where the first key that repeats one before it in the same mapping starts.
 * Keys are equal as yaml's own check has them: scalars with the same value.
 */
function firstDuplicateKey(document: Document): number | undefined {
  let first: number | undefined;
  // Only collections can hold a map: scalars, most of a config file, are not visited.
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const { key, value } of node.items) {
        walk(value);
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) {
          seen.add(key.value);
          continue;
        }
        const at = key.range?.[0];
        if (at !== undefined && (first === undefined || at < first)) first = at;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  walk(document.contents);
  return first;
}

/** The yaml library's message without its location and quoted source (a token could be there). */
function describeYamlError(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/:\s*".*"$/, '')
    .trim();
}

/** `document` must have been parsed with READ_OPTIONS, so every scalar is its text. */
function validateDocument(document: Document, file: string, lineCounter: LineCounter): ConfigData {
  const result = fileSchema.safeParse(contentOf(document, file), { reportInput: true });
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
  const profiles = profilesInFileOrder(document, content[KEYS.profiles] ?? {}, lineCounter);
  // An empty `default-profile:` means none, as the official CLI reads it.
  return typeof defaultProfile === 'string' && defaultProfile !== '' ? { defaultProfile, profiles } : { profiles };
}

function contentOf(document: Document, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch {
    // yaml refuses alias expansions that grow exponentially (a "billion laughs" file).
    throw new ConfigError(`${file}: too many YAML aliases to expand`, { hint: INVALID_HINT });
  }
}

// toJS gives a plain object, where integer-like keys ("1", "2024") would jump
// ahead of the others; the Document's items keep the order of the file.
function profilesInFileOrder(document: Document, profiles: Record<string, unknown>, lineCounter: LineCounter): Profile[] {
  const map = document.get(KEYS.profiles, true);
  const pairs = isMap(map) ? (map.items as Pair<unknown, unknown>[]) : [];
  // The first pair of each name, looked up once: a search per profile made
  // 10,000 profiles take seconds (quadratic).
  const pairByName = new Map<string, Pair<unknown, unknown>>();
  for (const pair of pairs) {
    const name = keyText(pair.key);
    if (!pairByName.has(name)) pairByName.set(name, pair);
  }
  const seen = new Set<string>();
  const list: Profile[] = [];
  for (const name of [...pairByName.keys(), ...Object.keys(profiles)]) {
    if (!Object.hasOwn(profiles, name) || seen.has(name)) continue;
    seen.add(name);
    list.push(readProfile(name, profiles[name], pairByName.get(name), lineCounter));
  }
  return list;
}

/** A profile with whatever text its fields hold; what is missing or not text goes to `problems`. */
function readProfile(name: string, value: unknown, pair: Pair<unknown, unknown> | undefined, lineCounter: LineCounter): Profile {
  const profile: Profile = { name, organizationId: '', apiToken: '' };
  const problems: ProfileProblem[] = [];
  const fields = isPlainObject(value) ? value : {};
  const nameLine = lineAt(pair?.key, lineCounter);
  for (const { key, field } of PROFILE_FIELDS) {
    const fieldValue = fields[key];
    const fieldPair = isMap(pair?.value) ? (pair.value.items as Pair<unknown, unknown>[]).find((item) => keyText(item.key) === key) : undefined;
    const line = lineAt(fieldPair?.value, lineCounter) ?? lineAt(fieldPair?.key, lineCounter) ?? nameLine;
    const problem =
      fieldValue === undefined ? 'missing' : fieldValue === null || fieldValue === '' ? 'empty' : typeof fieldValue === 'string' ? undefined : `${kindOf(fieldValue)}, not a string`;
    if (problem === undefined) profile[field] = fieldValue as string;
    else problems.push({ key, problem, line });
  }
  return problems.length === 0 ? profile : { ...profile, problems };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key's text as the official CLI reads it: `2024` and `1.0` are the names "2024" and "1.0". */
export function keyText(key: unknown): string {
  if (!isScalar(key)) return String(key);
  if (typeof key.value === 'string') return key.value;
  return key.source ?? String(key.value);
}

function lineAt(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

function describeIssue(issue: core.$ZodIssue): string {
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
    case 'string':
      return 'a string';
    default:
      return typeof value;
  }
}

/** The line of the node at `path`, or of its nearest existing parent (for a missing key). */
function lineOf(document: Document, path: readonly PropertyKey[], lineCounter: LineCounter): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const line = lineAt(depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as unknown[], true), lineCounter);
    if (line !== undefined) return line;
  }
  return undefined;
}
