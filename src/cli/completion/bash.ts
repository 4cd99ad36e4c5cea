// bash completion: the command path is every word before the cursor that is
// neither a flag nor the value of a flag that takes one. Profile names come
// from the program itself, run as typed (COMP_WORDS[0]) with any --config seen.
// Flags are offered once a "-" is typed, or when nothing else fits, as git does.
import { PROFILES_COMMAND, type CompletionModel } from './model';

export function bashScript(model: CompletionModel): string {
  const profiles = '$(_appclacks_profiles)';
  const profileCases = model.profileFlags.length === 0 ? [] : [`    ${model.profileFlags.join('|')}) COMPREPLY=($(compgen -W "${profiles}" -- "$cur")); return ;;`];
  const valueCases = [...model.flagValues].map(([flag, values]) => `    ${flag}) COMPREPLY=($(compgen -W "${values.join(' ')}" -- "$cur")); return ;;`);
  const nodeCases = model.nodes.map((n) => {
    const words = [...n.words.filter((w) => !w.startsWith('-')), ...(n.profiles ? [profiles] : [])];
    return `    "${n.path}") words="${words.join(' ')}"; flags="${n.words.filter((w) => w.startsWith('-')).join(' ')}" ;;`;
  });
  return `# bash completion for appclacks
# Load it now:        source <(appclacks completion bash)
# Load it every time: appclacks completion bash > ~/.local/share/bash-completion/completions/appclacks
_appclacks_profiles() {
  # config is _appclacks's local: bash functions see their caller's locals.
  "\${COMP_WORDS[0]}" "\${config[@]}" ${PROFILES_COMMAND} 2>/dev/null
}
_appclacks() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local key="" word skip=0 i words="" flags="" flag=""
  local -a config=()
  # bash splits --flag=value into "--flag" "=" "value" (= is in COMP_WORDBREAKS).
  [[ "$prev" == = ]] && prev="\${COMP_WORDS[COMP_CWORD-2]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then
      [[ "$word" == = ]] && continue
      skip=0
      [[ "$flag" == --config ]] && config=(--config "$word")
      continue
    fi
    flag="$word"
    case "$word" in
      ${model.valueFlags.join('|')}) skip=1 ;;
      -*) ;;
      *) key="\${key:+$key }$word" ;;
    esac
  done
  case "$prev" in
${[...profileCases, ...valueCases].join('\n')}
    ${model.fileFlags.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${model.valueFlags.join('|')}) return ;;
  esac
  case "$key" in
${nodeCases.join('\n')}
  esac
  [[ "$cur" == -* || -z "$words" ]] && words="$flags"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _appclacks appclacks
`;
}
