// A one-line text field: ink-text-input does the editing (typing and erasing
// at its cursor, ←/→ to move it, the mask of a password), this adapter draws
// it. ink-text-input 6.0.0 draws the whole value with its cursor in inverse
// video, and three things keep us from showing that drawing as it is:
//  - it has no horizontal scrolling: a value wider than the window would wrap
//    or be cut with the cursor out of sight, where we show a window around
//    the cursor, the cut ends marked with …;
//  - inverse video is its only cursor mark, which NO_COLOR (chalk level 0) and
//    monochrome terminals drop: the cursor would vanish. Ours is a glyph;
//  - it keeps the cursor to itself, and lets it leave the text: a ← at the
//    start puts it before the first character, and the next character typed
//    lands before the last one (vadimdemedes/ink-text-input#81).
// So the component stays mounted, hidden (display none: its hooks still run),
// and the adapter follows its cursor by the same rules on the same keys
// (useFollowedEditor). Where those rules would let the cursor leave the text,
// the adapter steps in: at the start it turns the component's cursor keys off
// until another key comes (a → pressed next only turns them back on),
// past the end it mounts a fresh component, whose cursor starts at the end.
// A value the store did not keep as reported (a refused character, a key the
// app's dispatcher took) also mounts a fresh component, the cursor at the end.
// Enter is the keymap's, not the component's onSubmit: the same flow then
// validates and moves on whether Enter came alone or at the end of keys that
// arrived in one read (which the dispatcher splits), and the footer shows it.
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useEffect, useRef, useState } from 'react';
import { displayWidth } from '../text/terminal-width';
import { useAppState } from '../ui/context';
import { useFieldGate } from '../keys/fieldGate';
import { fit, fitEnd } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';

/** The mask ink-text-input draws a hidden value with, and the one we draw. */
export const MASK_CHAR = '•';

export interface TextFieldProps {
  label: string;
  value: string;
  focused: boolean;
  /** A password: drawn masked, never as typed. */
  hidden?: boolean;
  placeholder?: string;
  /** Hands a new value to the store and returns the value the store kept (it may refuse or filter characters). */
  onChange?: (value: string) => string;
  /** Cells its container draws before it, the selection mark included (a row of a choice list): the field then draws no mark of its own. */
  inset?: number;
}

/**
 * What fits in `room` cells of `text` with the cursor at `at` (a cell for the
 * cursor included): everything when it fits, else a window that keeps the
 * cursor in sight, mostly text before it (what is being typed), the cut ends
 * marked with ….
 */
export function fieldWindow(text: string, at: number, room: number): { before: string; after: string } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const cells = Math.max(0, room - displayWidth(GLYPH.cursor));
  if (displayWidth(text) <= cells) return { before, after };
  const afterRoom = Math.min(displayWidth(after), Math.floor(cells / 3));
  const shownBefore = fitEnd(before, cells - afterRoom);
  return { before: shownBefore, after: fit(after, cells - displayWidth(shownBefore)) };
}

/** A cursor at the end of whatever the value is by the next render. */
const AT_END = Number.POSITIVE_INFINITY;

/**
 * Follows ink-text-input's cursor by its own rules, and mounts a fresh one
 * (its cursor at the end) wherever those rules would lose it. Every active
 * useInput hears every key, in an order that changes as components re-render,
 * so nothing here depends on hearing a key before or after the component.
 */
function useFollowedEditor(value: string, focused: boolean) {
  const fieldMayTake = useFieldGate();
  const [cursor, setCursor] = useState(value.length);
  // Reached the start with ← or Backspace: another ← would take the component's cursor before the text.
  const [atStartGuard, setAtStartGuard] = useState(false);
  const showCursor = !atStartGuard;
  // Bumped to mount a fresh ink-text-input, whose cursor starts at the end of the value.
  const [mount, setMount] = useState(0);
  const [remount, setRemount] = useState(false);
  // The value this field last reported and the store kept: any other change came from elsewhere.
  const known = useRef(value);

  useInput(
    (input, key) => {
      // ink-text-input 6.0.0, key for key: these it leaves alone.
      if (key.upArrow || key.downArrow || (key.ctrl && input === 'c') || key.tab || key.return) return;
      // A key the app took: the component's edit is refused and it is mounted afresh.
      if (!fieldMayTake()) return setCursor(AT_END);
      const at = Math.min(cursor, value.length);
      let next = at;
      if (key.leftArrow) {
        if (showCursor) next -= 1;
      } else if (key.rightArrow) {
        if (showCursor) next += 1;
      } else if (key.backspace || key.delete) {
        if (at > 0) next -= 1;
      } else {
        next += input.length;
      }
      if (key.rightArrow && next > value.length) {
        // Its cursor is now past the end: a fresh one starts at the end.
        setRemount(true);
        next = AT_END;
      }
      setCursor(next);
      setAtStartGuard((key.leftArrow || key.backspace || key.delete) && next === 0 && value.length > 0);
    },
    { isActive: focused },
  );

  // Its effect on a new value: a cursor at or past the end stays at the end.
  useEffect(() => {
    // AT_END stays: an effect of an earlier render may run after a newer value arrived.
    if (focused && showCursor) setCursor((c) => (c !== AT_END && c > value.length - 1 ? value.length : c));
  }, [value, focused, showCursor]);

  // Decided while rendering, not in an effect: ink draws the frame before
  // effects run, and a key typed as soon as it shows must reach the new
  // component. A value set from elsewhere (keys the dispatcher typed, a
  // reset) would leave the component's cursor where it was: remount too.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== known.current) setRemount(true);
    known.current = value;
  }
  if (remount) {
    setRemount(false);
    setMount(mount + 1);
    setCursor(AT_END);
    setAtStartGuard(false);
  }

  /** The component's onChange: the store keeps what it keeps; anything else mounts a fresh component. */
  const report = (next: string, onChange: ((value: string) => string) | undefined) => {
    if (!onChange || !fieldMayTake()) return setRemount(true);
    known.current = next;
    const kept = onChange(next);
    known.current = kept;
    if (kept !== next) setRemount(true);
  };

  return { cursor: Math.min(cursor, value.length), showCursor, mount, report };
}

export function TextField({ label, value, focused, hidden, placeholder, onChange, inset }: TextFieldProps) {
  const { size } = useAppState();
  const { cursor, showCursor, mount, report } = useFollowedEditor(value, focused);

  const head = inset === undefined ? `${focused ? GLYPH.selected : ' '} ${label}: ` : `${label}: `;
  const room = size.columns - (inset ?? 0) - displayWidth(head);
  const shown = hidden ? MASK_CHAR.repeat(value.length) : value;
  const { before, after } = fieldWindow(shown, Math.max(cursor, 0), room);
  return (
    <Box height={1}>
      <Text wrap="truncate">
        <Text bold={focused} color={focused ? theme.accent : undefined}>{head}</Text>
        {focused ? (
          <>
            <Text>{before}</Text>
            <Text>{GLYPH.cursor}</Text>
            <Text>{after}</Text>
          </>
        ) : (
          <Text>{fitEnd(shown, room)}</Text>
        )}
        {focused && value === '' && placeholder !== undefined && <Text dimColor>{` ${placeholder}`}</Text>}
      </Text>
      <Box display="none">
        <TextInput
          key={mount}
          value={value}
          focus={focused}
          showCursor={showCursor}
          {...(hidden && { mask: MASK_CHAR })}
          onChange={(next) => report(next, onChange)}
        />
      </Box>
    </Box>
  );
}
