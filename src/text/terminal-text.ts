// Text that came from a server or a file (token names, descriptions,
// organization names, error messages) ends up in terminals, where a control
// character is an instruction: ESC ]52 writes the clipboard, ESC ]0 retitles
// the window, ESC [2J clears the screen, C1's U+009B is CSI itself on many
// terminals, a newline breaks a table or a frame. Everything printed for
// people that may hold such text goes through terminalSafe: the CLI at its
// output (tables, plain lines, warnings, errors), the UI on every answer it
// receives (terminalSafeDeep, applied to its API client). `-o json` goes
// through jsonTerminalSafe instead, which keeps the data. No imports: error
// and status lines use it on the CLI's start-up path (widths are in
// terminal-width.ts).

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
/** What terminalSafe replaces: the unsafe characters and the line separators, which would break a row. */
const NOT_SHOWN = new RegExp(`${UNSAFE.source}|${LINE_SEPARATOR.source}`, 'g');

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

/**
 * Control characters in caret notation (`^[`, `^J`), as `cat -v` and `less`
 * show them; C1 controls, bidirectional controls and line separators as `�`.
 * Applying it twice changes nothing more.
 */
export function terminalSafe(text: string): string {
  return text.replace(NOT_SHOWN, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return `^${String.fromCharCode(code + 64)}`;
    if (code === 0x7f) return '^?';
    return '\uFFFD';
  });
}

/**
 * Every string in a JSON-like value (an API answer) through terminalSafe;
 * keys are left alone (nothing shows them). Values without such characters
 * come back as they are, the same object, so a clean answer costs a scan.
 */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) {
    let changed: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const safe = terminalSafeDeep(value[i]);
      if (safe !== value[i]) (changed ??= value.slice())[i] = safe;
    }
    return (changed ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const safe = terminalSafeDeep(item);
      if (safe !== item) (changed ??= { ...(value as Record<string, unknown>) })[key] = safe;
    }
    return (changed ?? value) as T;
  }
  return value;
}

/** What JSON.stringify leaves as it is though a terminal acts on it: DEL, C1, bidirectional controls, line separators. */
const JSON_UNESCAPED = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON text (JSON.stringify's output) that is safe to print, holding the same
 * data. JSON.stringify escapes C0 controls but writes DEL, C1 controls and
 * bidirectional overrides as they are, so `token list -o json` in a terminal
 * could still be driven by a server. Escaping them as \uXXXX keeps `-o json`
 * faithful (any JSON reader decodes the very string the server sent, which is
 * what scripts and the official CLI's users expect of machine output: no `�`
 * or `^[` in their data), while the bytes on the terminal are plain ASCII
 * there. These characters can only occur inside JSON strings, so replacing
 * them anywhere in the text is exact.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(JSON_UNESCAPED, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
