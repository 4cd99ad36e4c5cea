// What a shell may offer after each command path, drawn from the command
// table so completion never falls behind it: subcommands after a group, a
// command's flags after it, and the fixed values of some flags. Profile names
// live in the user's config file, so the scripts ask the program for them
// (PROFILES_COMMAND) at the moment of completion.
import { PERMISSION_NAMES } from '../../tokens';
import type { AnyCommandSpec, OptionSpec } from '../command';
import { GLOBAL_OPTIONS, optionNames, takesValue } from '../globals';

export const PROFILES_COMMAND = '__complete-profiles';

export interface CompletionNode {
  path: string;
  words: string[];
  descriptions: Map<string, string>;
  /** The command takes a profile name as its argument. */
  profiles: boolean;
}

export interface CompletionModel {
  nodes: CompletionNode[];
  valueFlags: string[];
  /** Flags whose values are a fixed list. */
  flagValues: Map<string, string[]>;
  fileFlags: string[];
  /** Flags whose value is a profile name. */
  profileFlags: string[];
}

function flagValues(option: OptionSpec): string[] | undefined {
  if (option.choices) return [...option.choices];
  if (option.flags.startsWith('--permission')) return PERMISSION_NAMES.filter((name) => name !== '*');
  return undefined;
}

export function completionModel(commands: readonly AnyCommandSpec[], groups: Readonly<Record<string, string>>): CompletionModel {
  const nodes = new Map<string, CompletionNode>();
  const node = (path: string): CompletionNode => {
    let found = nodes.get(path);
    if (!found) nodes.set(path, (found = { path, words: [], descriptions: new Map(), profiles: false }));
    return found;
  };
  const add = (path: string, word: string, description: string) => {
    const target = node(path);
    if (!target.words.includes(word)) target.words.push(word);
    target.descriptions.set(word, description);
  };
  const allOptions: OptionSpec[] = [...GLOBAL_OPTIONS];
  for (const command of commands.filter((c) => !c.hidden)) {
    command.path.forEach((word, i) => {
      const parent = command.path.slice(0, i).join(' ');
      const summary = i === command.path.length - 1 ? command.summary : groups[command.path.slice(0, i + 1).join(' ')] ?? '';
      add(parent, word, summary);
    });
    const path = command.path.join(' ');
    for (const option of [...(command.options ?? []), ...GLOBAL_OPTIONS]) {
      for (const name of optionNames(option).filter((n) => n.startsWith('--'))) add(path, name, option.description);
    }
    for (const argument of command.arguments ?? []) {
      for (const choice of argument.choices ?? []) add(path, choice, argument.description);
      if (argument.complete === 'profiles') node(path).profiles = true;
    }
    for (const option of command.options ?? []) allOptions.push(option);
  }
  for (const option of GLOBAL_OPTIONS) for (const name of optionNames(option).filter((n) => n.startsWith('--'))) add('', name, option.description);

  const flagValueMap = new Map<string, string[]>();
  const valueFlags = new Set<string>();
  const fileFlags = new Set<string>();
  const profileFlags = new Set<string>();
  for (const option of allOptions) {
    if (!takesValue(option)) continue;
    const values = flagValues(option);
    for (const name of optionNames(option)) {
      valueFlags.add(name);
      if (values) flagValueMap.set(name, values);
      if (/<(path)>/.test(option.flags)) fileFlags.add(name);
      if (option.complete === 'profiles') profileFlags.add(name);
    }
  }
  return { nodes: [...nodes.values()], valueFlags: [...valueFlags], flagValues: flagValueMap, fileFlags: [...fileFlags], profileFlags: [...profileFlags] };
}
