// bash completion: the command path is every word before the cursor that is
// neither a flag nor the value of a flag that takes one.
import type { CompletionModel } from './model';

export function bashScript(model: CompletionModel): string {
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
