// Works around two ways ink 6.8's incremental renderer draws a frame where it
// is not, seen in a real pseudo-terminal.
//
// 1. A frame shorter than the terminal (we keep it at rows - 1,
// docs/terminal.md §1) ends with a newline, which leaves the cursor on the line *below*
// the frame, yet the next incremental frame moves up only `lines - 1` before
// redrawing. Every frame then lands one row low, the header scrolls away and
// stale rows stay on screen. Moving the cursor back onto the frame's last
// line after each frame write restores what ink assumes.
//
// 2. A resize. ink diffs each frame against the one it last drew, but a
// terminal made narrower has cut or rewrapped those lines (tmux
// split-window, 160 → 80 columns). Worse, ink's own resize listener renders
// at once, unthrottled, from the tree as it stands, which still holds the
// old width (the store learns the new size in the same event, and React
// re-renders only in a later microtask): those lines are wider than the
// terminal, wrap and scroll the screen, and ink's idea of the screen is
// wrong for good. So ink (and the app) hear about a resize only once the
// store has the new size and React has committed it; ink's listener then
// renders the new tree, and the screen is cleared and that frame drawn in
// full (redrawOnResize).
//
// 3. The first frame. runTui draws one before ink loads (src/tui/firstFrame.ts);
// ink writes its own from wherever the cursor is and clears nothing, so its
// first write is given a clear screen and a cursor home first.
//
// ink has no public hook for any of these, so this adapter is the one place that
// knows. test/tui/ink-frames.test.tsx checks the first assumption against the
// installed ink and fails naming its version when an upgrade changes it.
import type { EventEmitter } from 'node:events';

const CURSOR_UP = '\u001b[A';
const CURSOR_NEXT_LINE = '\u001b[E';

/** Erases the whole screen and homes the cursor. */
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';

/** ink opens each frame with this (synchronized output: the terminal shows the frame whole). */
const BEGIN_SYNCHRONIZED_UPDATE = '\u001b[?2026h';

/**
 * ink's first write with the screen cleared and the cursor home first, inside
 * the synchronized update when ink opens one: what was on the screen before
 * (src/tui/firstFrame.ts) goes in the same repaint as ink's frame arrives.
 */
function withClearFirst(chunk: string): string {
  return chunk.startsWith(BEGIN_SYNCHRONIZED_UPDATE)
    ? BEGIN_SYNCHRONIZED_UPDATE + CLEAR_SCREEN + chunk.slice(BEGIN_SYNCHRONIZED_UPDATE.length)
    : CLEAR_SCREEN + chunk;
}

/** True for what ink's log writes as a frame: it ends on a newline or a "next line" move. */
function endsBelowFrame(chunk: string): boolean {
  return chunk.endsWith('\n') || chunk.endsWith(CURSOR_NEXT_LINE);
}

const LISTENER_METHODS = new Set<PropertyKey>(['on', 'addListener', 'once', 'off', 'removeListener']);

/**
 * The stdout ink draws on. With `resizeEvents`, 'resize' listeners added
 * through it (ink's and the app's) are held on that emitter instead, and hear
 * a resize when the caller emits it there.
 */
export function withFrameCursorFix(stdout: NodeJS.WriteStream, options: { resizeEvents?: EventEmitter; clearFirstFrame?: boolean } = {}): NodeJS.WriteStream {
  const { resizeEvents } = options;
  let clearPending = options.clearFirstFrame === true;
  const proxy: NodeJS.WriteStream = new Proxy(stdout, {
    get(target, property, receiver) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          let fixed = typeof chunk === 'string' && endsBelowFrame(chunk) ? chunk + CURSOR_UP : chunk;
          if (clearPending && typeof fixed === 'string') {
            clearPending = false;
            fixed = withClearFirst(fixed);
          }
          return (target.write as (...args: unknown[]) => boolean)(fixed, ...rest);
        };
      }
      if (resizeEvents && LISTENER_METHODS.has(property)) {
        return (event: string | symbol, listener: (...args: unknown[]) => void) => {
          const emitter: EventEmitter = event === 'resize' ? resizeEvents : target;
          (emitter[property as 'on'] as (e: string | symbol, l: (...args: unknown[]) => void) => unknown).call(emitter, event, listener);
          return proxy;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

/**
 * Listens to the real stdout's resize: `onSize` hands the new size over at
 * once (to the store, which schedules React's render in a microtask), then,
 * once the event and those microtasks are done, `redraw` runs once, however
 * many resizes came in between. Returns the function that stops listening.
 */
export function redrawOnResize(
  stdout: Pick<NodeJS.WriteStream, 'on' | 'off'>,
  { onSize, redraw }: { onSize: () => void; redraw: () => void },
): () => void {
  let queued: NodeJS.Immediate | undefined;
  const onResize = () => {
    onSize();
    queued ??= setImmediate(() => {
      queued = undefined;
      redraw();
    });
  };
  stdout.on('resize', onResize);
  return () => {
    stdout.off('resize', onResize);
    if (queued) clearImmediate(queued);
    queued = undefined;
  };
}
