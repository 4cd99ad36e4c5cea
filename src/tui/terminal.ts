// The alternate screen and bracketed paste, entered and left from one place.
// restore() is idempotent because every exit path (q, Ctrl+C, signals,
// crashes) calls it; a shell left in bracketed-paste mode by a crashed
// program shows ^[[200~ around every paste.

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
/** The terminal wraps pasted text in ESC[200~ … ESC[201~ (see src/keys/dispatch.ts). */
const ENABLE_BRACKETED_PASTE = '\u001b[?2004h';
const DISABLE_BRACKETED_PASTE = '\u001b[?2004l';


export interface Terminal {
  enter(): void;
  restore(): void;
}

export function createTerminal(stdout: { write(chunk: string): unknown }): Terminal {
  let onAltScreen = false;
  return {
    enter() {
      if (onAltScreen) return;
      onAltScreen = true;
      stdout.write(ENTER_ALT_SCREEN + ENABLE_BRACKETED_PASTE);
    },
    restore() {
      if (!onAltScreen) return;
      onAltScreen = false;
      stdout.write(DISABLE_BRACKETED_PASTE + LEAVE_ALT_SCREEN + SHOW_CURSOR);
    },
  };
}

/** Where SIGTERM, SIGHUP and SIGINT arrive: the process, or a test's emitter. */
export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT', listener: () => void): unknown;
}

/** The signals the UI answers by restoring the terminal, and their numbers (exit code 128 + n). */
export const SIGNAL_NUMBERS = { SIGTERM: 15, SIGHUP: 1, SIGINT: 2 } as const;

/**
 * Calls `onSignal` with the exit code (128 + n) when one of SIGNAL_NUMBERS'
 * signals arrives; returns the function that stops listening.
 */
export function onSignals(signals: SignalSource, onSignal: (exitCode: number) => void): () => void {
  const handlers = new Map<keyof typeof SIGNAL_NUMBERS, () => void>();
  for (const signal of Object.keys(SIGNAL_NUMBERS) as (keyof typeof SIGNAL_NUMBERS)[]) {
    const handler = () => onSignal(128 + SIGNAL_NUMBERS[signal]);
    handlers.set(signal, handler);
    signals.on(signal, handler);
  }
  return () => {
    for (const [signal, handler] of handlers) signals.off(signal, handler);
    handlers.clear();
  };
}

/**
 * From the first frame until ink's own handlers take over: a signal (SIGINT
 * is Ctrl+C here, before raw mode) restores the terminal, and `signalled`
 * settles with the exit code. stop() stops listening.
 */
export function restoreOnSignal(terminal: Terminal, signals: SignalSource): { signalled: Promise<number>; stop(): void } {
  let stop = () => {};
  const signalled = new Promise<number>((resolve) => {
    stop = onSignals(signals, (exitCode) => {
      stop();
      terminal.restore();
      resolve(exitCode);
    });
  });
  return { signalled, stop: () => stop() };
}
