// fish completion: global flags once, unconditionally; every other word only
// once the words of its command path have been seen. Profile names come from
// the program itself, run as typed with any --config seen.
import { GLOBAL_OPTIONS, optionNames } from '../globals';
import { PROFILES_COMMAND, type CompletionModel } from './model';

const PROFILES_FUNCTION = `function __appclacks_profiles
    set -l typed (commandline -opc)
    set -l config
    set -l at (contains -i -- --config $typed); and set config --config $typed[(math $at + 1)]
    $typed[1] $config ${PROFILES_COMMAND} 2>/dev/null
end`;

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishFlagValue(model: CompletionModel, flag: string): string {
  if (model.profileFlags.includes(flag)) return ` -x -a ${fishQuote('(__appclacks_profiles)')}`;
  const values = model.flagValues.get(flag);
  if (values) return ` -x -a ${fishQuote(values.join(' '))}`;
  if (model.fileFlags.includes(flag)) return ' -r -F';
  return model.valueFlags.includes(flag) ? ' -x' : '';
}

export function fishScript(model: CompletionModel): string {
  const lines = [
    '# fish completion for appclacks',
    '# Load it every time: appclacks completion fish > ~/.config/fish/completions/appclacks.fish',
    'complete -c appclacks -f',
    PROFILES_FUNCTION,
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
    if (n.profiles) lines.push(`complete -c appclacks -n ${fishQuote(seen.join('; and '))} -a ${fishQuote('(__appclacks_profiles)')} -d 'profile'`);
    for (const flag of n.words.filter((w) => w.startsWith('--') && !globalFlags.has(w))) {
      lines.push(`complete -c appclacks -n ${fishQuote(seen.join('; and '))} -l ${flag.slice(2)}${fishFlagValue(model, flag)} -d ${fishQuote(n.descriptions.get(flag) ?? '')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
