// zsh completion. The words typed so far go in command_words, not `path`:
// in zsh `path` is tied to $PATH and assigning it breaks the shell. Profile
// names come from the program itself, run as typed with any --config seen.
// Flags are offered once a "-" is typed, or when nothing else fits.
import { PROFILES_COMMAND, type CompletionModel } from './model';

function zshQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function zshScript(model: CompletionModel): string {
  const profileCases = model.profileFlags.length === 0 ? [] : [`    (${model.profileFlags.join('|')}) compadd -- \${(f)"$(_appclacks_profiles)"}; return ;;`];
  const valueCases = [...model.flagValues].map(([flag, values]) => `    (${flag}) compadd -- ${values.join(' ')}; return ;;`);
  const nodeCases = model.nodes.map((n) => {
    const described = (words: string[]) => words.map((w) => zshQuote(`${w.replace(/:/g, '\\:')}:${n.descriptions.get(w) ?? ''}`)).join(' ');
    const profiles = n.profiles ? '; profiles=(${(f)"$(_appclacks_profiles)"})' : '';
    const [flags, others] = [n.words.filter((w) => w.startsWith('-')), n.words.filter((w) => !w.startsWith('-'))];
    return `    (${zshQuote(n.path)}) choices=(${described(others)}); flag_choices=(${described(flags)})${profiles} ;;`;
  });
  return `#compdef appclacks
# zsh completion for appclacks
# Load it now:        source <(appclacks completion zsh)
# Load it every time: appclacks completion zsh > "\${fpath[1]}/_appclacks"
_appclacks_profiles() {
  # config is _appclacks's local: zsh functions see their caller's locals.
  "\${words[1]}" "\${config[@]}" ${PROFILES_COMMAND} 2>/dev/null
}
_appclacks() {
  local -a command_words choices flag_choices profiles config
  local i word skip=0
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if ((skip)); then
      skip=0
      [[ \${words[i-1]} == --config ]] && config=(--config "$word")
      continue
    fi
    case $word in
      (${model.valueFlags.join('|')}) skip=1 ;;
      (-*) ;;
      (*) command_words+=("$word") ;;
    esac
  done
  case \${words[CURRENT-1]} in
${[...profileCases, ...valueCases].join('\n')}
    (${model.fileFlags.join('|')}) _files; return ;;
    (${model.valueFlags.join('|')}) return ;;
  esac
  case "\${(j: :)command_words}" in
${nodeCases.join('\n')}
  esac
  if [[ $PREFIX == -* ]] || (( \${#choices} + \${#profiles} == 0 )); then
    _describe 'appclacks' flag_choices
  else
    _describe 'appclacks' choices
    (( \${#profiles} )) && compadd -- "\${profiles[@]}"
  fi
}
if [[ "\${funcstack[1]}" = "_appclacks" ]]; then
  _appclacks "$@"
else
  compdef _appclacks appclacks
fi
`;
}
