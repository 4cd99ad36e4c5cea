// The config file's format: the official CLI's keys (default-profile,
// profiles.<name>.organization-id / api-token), read with yaml and checked
// with zod. Errors name the file and line, never the content (it holds tokens).
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { z } from 'zod';
import { ConfigError, UsageError } from '../errors';
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
  const profiles = profilesInFileOrder(document, content[KEYS.profiles] ?? {});
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

export function keyText(key: unknown): string {
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
