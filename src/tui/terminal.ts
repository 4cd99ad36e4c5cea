// The alternate screen and bracketed paste, entered and left from one place.
// restore() is idempotent because every exit path (q, Ctrl+C, signals,
// crashes) calls it; a shell left in bracketed-paste mode by a crashed
// program shows ^[[200~ around every paste.
const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
/** The terminal wraps pasted text in ESC[200~ … ESC[201~ (see src/ui/dispatchKey.ts). */
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
