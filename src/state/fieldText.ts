// Text editing shared by every field the UI types into: what a keystroke or a
// paste may add, and how long a field may grow. Pure helpers, no state of
// their own; the slices that own a field call them.
//
// The fields are text-input components (src/components/TextField.tsx): they own
// the cursor and hand over whole values, which the slices pass through
// fieldText (one line, no unsafe characters, the length cap) and, for profile
// names, typeProfileName's refusals. Appending (appendField) remains for keys
// the dispatcher types itself: a run of keys that arrived in one read.
import { profileNameProblem } from '../config/profile-name';
import { withoutUnsafeCharacters } from '../text/terminal-text';
import type { Message } from './types';

export const MAX_FIELD_LENGTH = 255;

/** Keeps what a terminal shows as text: control characters and bidirectional overrides never enter a field. */
export function printable(text: string): string {
  return withoutUnsafeCharacters(text);
}

/**
 * A field's whole new value as the field component reports it, made one safe
 * line: a pasted text's line breaks and tabs become one space (a trailing one
 * goes), then unsafe characters go and the length is capped.
 */
export function fieldText(value: string): string {
  return printable(value.replace(/[\r\n]+$/, '').replace(/[\r\n\t]+/g, ' ')).slice(0, MAX_FIELD_LENGTH);
}

export function appendField(value: string, text: string): string {
  return (value + printable(text)).slice(0, MAX_FIELD_LENGTH);
}

export function eraseLast(value: string): string {
  return value.slice(0, -1);
}

/**
 * Appends typed text to a profile name one character at a time, refusing each
 * one profile-name.ts would refuse in the finished name (a blank, a leading
 * "-", one too many), and says why instead of dropping it silently.
 */
export function typeProfileName(value: string, text: string): { value: string; refused?: Message } {
  let next = value;
  let refused: Message | undefined;
  for (const ch of printable(text)) {
    const problem = profileNameProblem(next + ch);
    if (problem === undefined) {
      next += ch;
    } else if (refused === undefined) {
      const blank = /\s/u.test(ch);
      const what = ch === ' ' ? 'Space' : blank ? 'Blank' : `"${ch}"`;
      refused = { kind: 'error', text: `${what} not typed: ${problem}.`, ...(blank && { hint: 'use - or _ between words' }) };
    }
  }
  return refused ? { value: next, refused } : { value: next };
}

/** The token's name as a profile name a person could type back: blanks become "-", what profile-name.ts refuses is left out. */
export function profileNameFor(tokenName: string): string {
  return typeProfileName('', tokenName.trim().replace(/\s+/gu, '-')).value;
}
