// OSC 52 asks the terminal to put text on the clipboard; it works over SSH.
// tmux swallows it unless it is wrapped for passthrough, with every inner ESC
// doubled (INK6.md item 11).
import type { Env } from '../config/types';

const ESC = '\u001b';
const BEL = '\u0007';

export function osc52(text: string, env: Env): string {
  const sequence = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
  if (env.TMUX === undefined || env.TMUX === '') return sequence;
  return `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}
