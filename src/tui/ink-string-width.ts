// ink measures every text node it lays out, and truncates lines, with
// string-width 8 (through widest-line and cli-truncate too), and wraps them
// with wrap-ansi, which has its own string-width 7. The build hands all those
// imports this module instead: the same measure, src/text/terminal-width's
// displayWidth, which test/tokens/terminal-width.test.ts holds equal to
// string-width's cell for cell. Why: string-width runs a grapheme segmenter
// and several Unicode-property regexes over every character of any string
// that is not pure ASCII, and a token list row is not (✓, │, …): in the UI's
// first frame that was 25-30 ms of CPU (profiles), before anything showed.
// displayWidth takes the fast path for text whose characters each stand alone.
// One measure also means ink's columns and the UI's own can never disagree,
// and wrapping agrees with layout. string-width 7 also built an
// Intl.Segmenter when it loaded (about 10 ms); displayWidth builds one only
// for text that needs it.
//
// string-width's API: (text, options). ink and those helpers pass no options
// (test/build/bundle.test.ts checks the bundle holds no string-width).
import stripAnsi from 'strip-ansi';
import { displayWidth } from '../text/terminal-width';

export default function stringWidth(text: unknown): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  // string-width strips escape sequences (ink's text carries its colours) the same way.
  const visible = text.includes('\u001b') || text.includes('\u009b') ? stripAnsi(text) : text;
  return displayWidth(visible);
}
