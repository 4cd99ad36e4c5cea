// zsh completion. The words typed so far go in command_words, not `path`:
// in zsh `path` is tied to $PATH and assigning it breaks the shell.
import type { CompletionModel } from './model';

function zshQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function zshScript(model: CompletionModel): string {
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
