// One description per key binding, from which both the matcher and the label
// people read are derived (as k9s builds its hints from the key itself), so a
// key cannot be shown one way and work another.
import type { Key } from 'ink';

/** Keys ink names, by the name used here. */
const NAMED = {
  up: { field: 'upArrow', label: '↑' },
  down: { field: 'downArrow', label: '↓' },
  left: { field: 'leftArrow', label: '←' },
  right: { field: 'rightArrow', label: '→' },
  pageUp: { field: 'pageUp', label: 'PgUp' },
  pageDown: { field: 'pageDown', label: 'PgDn' },
  home: { field: 'home', label: 'Home' },
  end: { field: 'end', label: 'End' },
  return: { field: 'return', label: 'Enter' },
  escape: { field: 'escape', label: 'Esc' },
  tab: { field: 'tab', label: 'Tab' },
  backspace: { field: 'backspace', label: 'Bksp' },
  delete: { field: 'delete', label: 'Del' },
} as const satisfies Record<string, { field: keyof Key; label: string }>;

export type NamedKey = keyof typeof NAMED;

/** A key ink names, or one printable character (`'j'`, `'?'`, `' '`). */
export type Stroke = NamedKey | (string & {});

export interface KeyDesc {
  /** The key shown first. */
  key: Stroke;
  /** Other keys that do the same, shown after it: `{ key: 'down', alt: ['j'] }` reads `↓/j`. */
  alt?: readonly Stroke[];
  /**
   * Keys that also do it without being shown: Tab beside ←/→ in a question,
   * and Delete for Bksp, as ink 6 reports Backspace as `delete` too.
   */
  unlisted?: readonly Stroke[];
  /** Held with Ctrl: `{ key: 'c', ctrl: true }` is Ctrl+C. */
  ctrl?: true;
  /** A key every terminal user knows (arrows, Ctrl+C): listed in `?` help, no room spent on it in the footer. */
  wellKnown?: true;
}

/** Ctrl+C: the one key that works everywhere, and the one a paste may not swallow. */
export const INTERRUPT: KeyDesc = { key: 'c', ctrl: true, wellKnown: true };

export function isNamedKey(stroke: Stroke): stroke is NamedKey {
  return Object.hasOwn(NAMED, stroke);
}

function strokeLabel(stroke: Stroke, ctrl: boolean): string {
  const base = isNamedKey(stroke) ? NAMED[stroke].label : stroke === ' ' ? 'Space' : stroke;
  return ctrl ? `Ctrl+${base.toUpperCase()}` : base;
}

/** As shown in the footer and the help: `↑/k`, `PgDn`, `Ctrl+C`, `n/q/Esc`. */
export function keyLabel(desc: KeyDesc): string {
  return [desc.key, ...(desc.alt ?? [])].map((s) => strokeLabel(s, desc.ctrl === true)).join('/');
}

/**
 * A named key matches whatever modifiers came with it (a terminal may report
 * Esc with meta); a character matches only on its own, so Ctrl+C or Alt+q are
 * not `c` or `q`.
 */
function strokeMatches(stroke: Stroke, ctrl: boolean, input: string, key: Key): boolean {
  if (isNamedKey(stroke)) return key[NAMED[stroke].field] === true;
  if (ctrl) return key.ctrl && input === stroke;
  return input === stroke && !key.ctrl && !key.meta;
}

export function matchesKey(desc: KeyDesc, input: string, key: Key): boolean {
  const ctrl = desc.ctrl === true;
  return [desc.key, ...(desc.alt ?? []), ...(desc.unlisted ?? [])].some((s) => strokeMatches(s, ctrl, input, key));
}

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** The input event ink reports for one stroke, shown or not: what pressing it sends to the dispatcher. */
export function strokeEvent(stroke: Stroke, ctrl = false): [string, Key] {
  if (isNamedKey(stroke)) return ['', { ...NO_KEY, [NAMED[stroke].field]: true, ctrl }];
  return [stroke, { ...NO_KEY, ctrl, shift: /[A-Z]/.test(stroke) }];
}

/** Every input event the description answers to, shown ones first. */
export function keyEvents(desc: KeyDesc): Array<[string, Key]> {
  return [desc.key, ...(desc.alt ?? []), ...(desc.unlisted ?? [])].map((s) => strokeEvent(s, desc.ctrl === true));
}
