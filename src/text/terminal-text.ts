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
/**
 * Characters that show nothing: Unicode's default-ignorables (zero-width
 * spaces and joiners, U+00AD, the Hangul fillers U+115F, U+1160, U+3164 and
 * U+FFA0, the Khmer inherent vowels U+17B4 and U+17B5, U+034F, variation
 * selectors, the tag characters U+E0000 to U+E0FFF), U+180E, and the
 * blank Braille pattern U+2800, which fonts draw as an empty cell. A name
 * made only of these (and spaces) looks empty in every list.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u180e\u2800]/gu;

/** True when nothing would show: only spaces and invisible characters. */
export function looksBlank(text: string): boolean {
  return text.replace(INVISIBLE, '').trim() === '';
}

/**
 * Half of a UTF-16 surrogate pair without the other half: not a character.
 * JSON can carry one (`"\ud800"`); SQLite would keep it as given and
 * PostgreSQL store it otherwise, so the same name would read back differently
 * on the two databases. Refused on input instead.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
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
