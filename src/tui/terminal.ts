// The alternate screen, entered and left from one place. restore() is
// idempotent because every exit path (q, Ctrl+C, signals, crashes) calls it.
const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

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
      stdout.write(ENTER_ALT_SCREEN);
    },
    restore() {
      if (!onAltScreen) return;
      onAltScreen = false;
      stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
    },
  };
}

/** Where SIGTERM, SIGHUP and SIGINT arrive: the process, or a test's emitter. */
export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT', listener: () => void): unknown;
}
