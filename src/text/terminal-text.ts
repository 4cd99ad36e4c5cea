// Text that came from a server or a file (token names, descriptions,
// organization names, error messages) ends up in terminals, where a control
// character is an instruction: ESC ]52 writes the clipboard, ESC [2J clears
// the screen, a newline breaks a table or a frame. Everything printed for
// people that may hold such text goes through terminalSafe; `-o json` does
// not need it (JSON escapes control characters). No imports: error and status
// lines use it on the CLI's start-up path (widths are in terminal-width.ts).

/** C0 controls, DEL and C1 controls: instructions to a terminal, never text. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates: they can make a name read as another ("Trojan Source"). */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** Line and paragraph separators: some terminals and most editors break the line there. */
export const LINE_SEPARATOR = /[\u2028\u2029]/;
/** Format characters with no width and no glyph: a name made only of them looks empty. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** True when nothing would show: only spaces and invisible format characters. */
export function looksBlank(text: string): boolean {
  return text.replace(INVISIBLE, '').trim() === '';
}
const UNSAFE = new RegExp(`${CONTROL_CHARACTER.source}|${BIDI_CONTROL.source}`, 'g');

/**
 * A control character or a bidirectional override: what the server refuses in
 * names and descriptions, and what clients refuse before sending.
 */
export function hasUnsafeCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text) || BIDI_CONTROL.test(text);
}

/** Typed or pasted text with every control character and bidirectional override dropped. */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE, '');
}

/** Control characters in caret notation (`^[`, `^J`), as `cat -v` and `less` show them. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return `^${String.fromCharCode(code + 64)}`;
    if (code === 0x7f) return '^?';
    return '\uFFFD';
  });
}
