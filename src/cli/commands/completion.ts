// Shell completion scripts, drawn from the command table so they never fall
// behind it: subcommands after each group, a command's flags after it, and
// the fixed values of -o, --permission and --registration.
import { PERMISSION_NAMES } from '../../tokens';
import { UsageError } from '../../errors';
import type { AnyCommandSpec, CommandSpec, OptionSpec } from '../command';
import type { CliDeps } from '../deps';
import { GLOBAL_OPTIONS, optionNames, takesValue } from '../globals';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionOptions {
  shell: Shell;
}

/** Words that may follow one command path: its subcommands, or its flags and argument values. */
export interface CompletionNode {
  path: string;
  words: string[];
  descriptions: Map<string, string>;
}

export interface CompletionModel {
  nodes: CompletionNode[];
  valueFlags: string[];
  /** Flags whose values are a fixed list. */
  flagValues: Map<string, string[]>;
  fileFlags: string[];
}

function flagValues(option: OptionSpec): string[] | undefined {
  if (option.choices) return [...option.choices];
  if (option.flags.startsWith('--permission')) return PERMISSION_NAMES.filter((name) => name !== '*');
  return undefined;
}

export function completionModel(commands: readonly AnyCommandSpec[]): CompletionModel {
  const nodes = new Map<string, CompletionNode>();
  const node = (path: string): CompletionNode => {
    let found = nodes.get(path);
    if (!found) nodes.set(path, (found = { path, words: [], descriptions: new Map() }));
    return found;
  };
  const add = (path: string, word: string, description: string) => {
    const target = node(path);
    if (!target.words.includes(word)) target.words.push(word);
    target.descriptions.set(word, description);
  };
  const allOptions: OptionSpec[] = [...GLOBAL_OPTIONS];
  for (const command of commands) {
    command.path.forEach((word, i) => add(command.path.slice(0, i).join(' '), word, i === command.path.length - 1 ? command.summary : ''));
    const path = command.path.join(' ');
    for (const option of [...(command.options ?? []), ...GLOBAL_OPTIONS]) {
      for (const name of optionNames(option).filter((n) => n.startsWith('--'))) add(path, name, option.description);
    }
    for (const argument of command.arguments ?? []) for (const choice of argument.choices ?? []) add(path, choice, argument.description);
    allOptions.push(...(command.options ?? []));
  }
  for (const option of GLOBAL_OPTIONS) for (const name of optionNames(option).filter((n) => n.startsWith('--'))) add('', name, option.description);

  const flagValueMap = new Map<string, string[]>();
  const valueFlags = new Set<string>();
  const fileFlags = new Set<string>();
  for (const option of allOptions) {
    if (!takesValue(option)) continue;
    const values = flagValues(option);
    for (const name of optionNames(option)) {
      valueFlags.add(name);
      if (values) flagValueMap.set(name, values);
      if (/<(path)>/.test(option.flags)) fileFlags.add(name);
    }
  }
  return { nodes: [...nodes.values()], valueFlags: [...valueFlags], flagValues: flagValueMap, fileFlags: [...fileFlags] };
}

function bashScript(model: CompletionModel): string {
  const valueCases = [...model.flagValues].map(([flag, values]) => `    ${flag}) COMPREPLY=($(compgen -W "${values.join(' ')}" -- "$cur")); return ;;`);
  const nodeCases = model.nodes.map((n) => `    "${n.path}") words="${n.words.join(' ')}" ;;`);
  return `# bash completion for appclacks
# Load it now:        source <(appclacks completion bash)
# Load it every time: appclacks completion bash > ~/.local/share/bash-completion/completions/appclacks
_appclacks() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local key="" word skip=0 i words=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      ${model.valueFlags.join('|')}) skip=1 ;;
      -*) ;;
      *) key="\${key:+$key }$word" ;;
    esac
  done
  case "$prev" in
${valueCases.join('\n')}
    ${model.fileFlags.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${model.valueFlags.join('|')}) return ;;
  esac
  case "$key" in
${nodeCases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _appclacks appclacks
`;
}

function zshQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function zshScript(model: CompletionModel): string {
  const valueCases = [...model.flagValues].map(([flag, values]) => `    (${flag}) compadd -- ${values.join(' ')}; return ;;`);
  const nodeCases = model.nodes.map((n) => {
    const described = n.words.map((w) => zshQuote(`${w.replace(/:/g, '\\:')}:${n.descriptions.get(w) ?? ''}`));
    return `    (${zshQuote(n.path)}) choices=(${described.join(' ')}) ;;`;
  });
  return `#compdef appclacks
# zsh completion for appclacks
# Load it now:        source <(appclacks completion zsh)
# Load it every time: appclacks completion zsh > "\${fpath[1]}/_appclacks"
_appclacks() {
  local -a command_words choices
  local i word skip=0
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if ((skip)); then skip=0; continue; fi
    case $word in
      (${model.valueFlags.join('|')}) skip=1 ;;
      (-*) ;;
      (*) command_words+=("$word") ;;
    esac
  done
  case \${words[CURRENT-1]} in
${valueCases.join('\n')}
    (${model.fileFlags.join('|')}) _files; return ;;
    (${model.valueFlags.join('|')}) return ;;
  esac
  case "\${(j: :)command_words}" in
${nodeCases.join('\n')}
  esac
  _describe 'appclacks' choices
}
if [[ "\${funcstack[1]}" = "_appclacks" ]]; then
  _appclacks "$@"
else
  compdef _appclacks appclacks
fi
`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishFlagValue(model: CompletionModel, flag: string): string {
  const values = model.flagValues.get(flag);
  if (values) return ` -x -a ${fishQuote(values.join(' '))}`;
  if (model.fileFlags.includes(flag)) return ' -r -F';
  return model.valueFlags.includes(flag) ? ' -x' : '';
}

function fishScript(model: CompletionModel): string {
  const lines = [
    '# fish completion for appclacks',
    '# Load it every time: appclacks completion fish > ~/.config/fish/completions/appclacks.fish',
    'complete -c appclacks -f',
  ];
  const globalFlags = new Set(GLOBAL_OPTIONS.flatMap(optionNames));
  for (const option of GLOBAL_OPTIONS) {
    const [short, long] = optionNames(option).length === 2 ? optionNames(option) : [undefined, optionNames(option)[0]];
    const flag = long ?? '';
    lines.push(`complete -c appclacks${short ? ` -s ${short.slice(1)}` : ''} -l ${flag.slice(2)}${fishFlagValue(model, flag)} -d ${fishQuote(option.description)}`);
  }
  for (const n of model.nodes) {
    const seen = n.path === '' ? [] : n.path.split(' ').map((w) => `__fish_seen_subcommand_from ${w}`);
    const words = n.words.filter((w) => !w.startsWith('-'));
    if (words.length > 0) {
      const condition = n.path === '' ? '__fish_use_subcommand' : [...seen, `not __fish_seen_subcommand_from ${words.join(' ')}`].join('; and ');
      for (const word of words) lines.push(`complete -c appclacks -n ${fishQuote(condition)} -a ${word} -d ${fishQuote(n.descriptions.get(word) ?? '')}`);
    }
    for (const flag of n.words.filter((w) => w.startsWith('--') && !globalFlags.has(w))) {
      lines.push(`complete -c appclacks -n ${fishQuote(seen.join('; and '))} -l ${flag.slice(2)}${fishFlagValue(model, flag)} -d ${fishQuote(n.descriptions.get(flag) ?? '')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, commands: readonly AnyCommandSpec[]): string {
  const model = completionModel(commands);
  if (shell === 'bash') return bashScript(model);
  if (shell === 'zsh') return zshScript(model);
  return fishScript(model);
}

export function completionCommand(commands: () => readonly AnyCommandSpec[]): CommandSpec<CompletionOptions> {
  return {
    path: ['completion'],
    summary: 'Print a shell completion script (bash, zsh or fish)',
    arguments: [{ name: 'shell', description: 'bash, zsh or fish', choices: SHELLS }],
    examples: ['source <(appclacks completion bash)', 'appclacks completion zsh > "${fpath[1]}/_appclacks"', 'appclacks completion fish > ~/.config/fish/completions/appclacks.fish'],
    parse({ args }) {
      const shell = SHELLS.find((s) => s === args[0]);
      if (shell === undefined) throw new UsageError(`unsupported shell "${args[0] ?? ''}"`, { hint: `use one of ${SHELLS.join(', ')}` });
      return { shell };
    },
    async run(options: CompletionOptions, deps: CliDeps) {
      deps.io.stdout.write(completionScript(options.shell, commands()));
    },
  };
}
