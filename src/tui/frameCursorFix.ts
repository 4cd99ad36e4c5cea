// Works around an off-by-one in ink 6.8's incremental renderer, seen in a real
// pseudo-terminal: a frame shorter than the terminal (we keep it at rows - 1,
// INK6.md item 1) ends with a newline, which leaves the cursor on the line
// *below* the frame, yet the next incremental frame moves up only
// `lines - 1` before redrawing. Every frame then lands one row low, the
// header scrolls away and stale rows stay on screen. Moving the cursor back
// onto the frame's last line after each frame write restores what ink assumes.
const CURSOR_UP = '\u001b[A';
const CURSOR_NEXT_LINE = '\u001b[E';

/** True for what ink's log writes as a frame: it ends on a newline or a "next line" move. */
function endsBelowFrame(chunk: string): boolean {
  return chunk.endsWith('\n') || chunk.endsWith(CURSOR_NEXT_LINE);
}

export function withFrameCursorFix(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  return new Proxy(stdout, {
    get(target, property, receiver) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          const fixed = typeof chunk === 'string' && endsBelowFrame(chunk) ? chunk + CURSOR_UP : chunk;
          return (target.write as (...args: unknown[]) => boolean)(fixed, ...rest);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
