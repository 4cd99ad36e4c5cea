// A single-choice list: ink-select-input does the keys (↑/↓ and j/k move,
// Enter picks, 1–9 pick the Nth row shown), an item component of the caller
// draws each row, the store holds the selection. Two things of ink-select-input
// 6.2.0 this adapter changes:
//  - it keeps the highlighted row to itself and only starts at initialIndex:
//    the component is mounted afresh whenever the store's selection or window
//    moves, so the store stays the one truth (a reload that keeps the
//    selection on the same profile, g/G, a removed row);
//  - at either end it wraps around, and with `limit` it rotates the rows
//    rather than scrolling them. It is given only the rows in view (a window
//    that scrolls, as every list here does), and a highlight that wrapped
//    (↓ on the last row shown, ↑ on the first) becomes one step in the key's
//    direction, which the store clamps at the ends of the whole list.
import type { Key } from 'ink';
import SelectInput, { type IndicatorProps, type ItemProps } from 'ink-select-input';
import { Box, Text } from 'ink';
import { useState, type FC } from 'react';
import { windowStart } from '../ui/format';
import { useInputGate } from '../keys/fieldGate';
import { GLYPH } from '../ui/theme';

/** One row: `value` is its index in the whole list. */
export interface Choice {
  key: string;
  label: string;
  value: number;
}

export interface ChoiceListProps {
  choices: readonly Choice[];
  selection: number;
  /** Rows shown at once. */
  viewport: number;
  focused: boolean;
  /** Draws a row; it receives the Choice's fields and isSelected. */
  itemComponent: FC<ItemProps>;
  /** Draws the selection mark; ChoiceIndicator unless given. */
  indicatorComponent?: FC<IndicatorProps>;
  onHighlight(index: number): void;
  onMove(delta: 1 | -1): void;
  onSelect(index: number): void;
}

/** Cells the selection mark takes. */
export const INDICATOR_WIDTH = 2;

/** The selection mark: the glyph on the highlighted row, blanks of its width elsewhere. */
export function ChoiceIndicator({ isSelected = false }: IndicatorProps) {
  return (
    <Text bold inverse={isSelected}>
      {isSelected ? `${GLYPH.selected} ` : '  '}
    </Text>
  );
}

/** The way ink-select-input moves on this key: ↓ and j down, ↑ and k up. */
function direction(event: { input: string; key: Key } | undefined): 1 | -1 | undefined {
  if (!event) return undefined;
  if (event.key.downArrow || event.input === 'j') return 1;
  if (event.key.upArrow || event.input === 'k') return -1;
  return undefined;
}

export function ChoiceList({ choices, selection, viewport, focused, itemComponent, indicatorComponent = ChoiceIndicator, onHighlight, onMove, onSelect }: ChoiceListProps) {
  const gate = useInputGate();
  const [wraps, setWraps] = useState(0);
  const start = windowStart(selection, choices.length, viewport);
  const shown = choices.slice(start, start + viewport);
  const highlight = (item: Choice) => {
    const jump = item.value - selection;
    // The key says which way ink-select-input went; without one (the list on
    // its own), a jump from one end of the rows shown to the other is a wrap.
    const step = direction(gate.key()) ?? (Math.abs(jump) > 1 ? (-Math.sign(jump) as 1 | -1) : undefined);
    if (step !== undefined && Math.sign(jump) !== step) {
      onMove(step);
      // At an end the store's selection stays: mount afresh all the same, undoing the wrap.
      setWraps((n) => n + 1);
    } else onHighlight(item.value);
  };
  return (
    <Box flexDirection="column">
      <SelectInput<number>
        key={`${start}:${selection}:${choices.length}:${wraps}`}
        items={[...shown]}
        initialIndex={Math.max(0, selection - start)}
        isFocused={focused}
        indicatorComponent={indicatorComponent}
        itemComponent={itemComponent}
        onHighlight={(item) => highlight(item as Choice)}
        onSelect={(item) => item && onSelect(item.value)}
      />
    </Box>
  );
}
