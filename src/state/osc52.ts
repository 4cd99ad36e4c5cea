// OSC 52 asks the terminal to put text on the clipboard; it works over SSH.
// Inside tmux, which form gets through depends on tmux's options
// (docs/terminal.md §13): with `set-clipboard on` tmux takes the plain sequence
// itself and passes it on; with `allow-passthrough on` only the sequence
// wrapped for passthrough (every inner ESC doubled) reaches the outer
// terminal. With tmux's defaults neither does. So inside tmux both forms are
// sent, and nobody can know whether the text arrived: the UI says it was
// sent, and how to make it work.
import type { Env } from '../config/types';

const ESC = '\u001b';
const BEL = '\u0007';

function insideTmux(env: Env): boolean {
  return env.TMUX !== undefined && env.TMUX !== '';
}

/** What to write to the terminal to offer `text` to the clipboard. */
export function osc52(text: string, env: Env): string {
  const sequence = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
  if (!insideTmux(env)) return sequence;
  return sequence + `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}

/** What to do when the text did not reach the clipboard. */
export function clipboardHint(env: Env): string {
  return insideTmux(env)
    ? 'not there? tmux passes it on after `tmux set -s set-clipboard on`; or copy it from the screen'
    : 'not there? your terminal ignores OSC 52: copy it from the screen';
}
