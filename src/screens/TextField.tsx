// A one-line field drawn from state; the dispatcher does the typing, so no
// focus manager is involved (docs/terminal.md §8: Esc clears ink's focus).
// Typing happens at the end, so a value wider than the field shows its end,
// the cut start marked with …, and the cursor stays in sight.
import { Box, Text } from 'ink';
import { displayWidth } from '../terminal-width';
import { useAppState } from '../ui/context';
import { fitEnd } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';

export function TextField({ label, value, focused, hidden, placeholder }: {
  label: string;
  value: string;
  focused: boolean;
  hidden?: boolean;
  placeholder?: string;
}) {
  const { size } = useAppState();
  const head = `${focused ? GLYPH.selected : ' '} ${label}: `;
  const room = size.columns - displayWidth(head) - (focused ? displayWidth(GLYPH.cursor) : 0);
  const shown = fitEnd(hidden ? '•'.repeat(value.length) : value, room);
  return (
    <Box height={1}>
      <Text wrap="truncate">
        <Text bold={focused} color={focused ? theme.accent : undefined}>{head}</Text>
        <Text>{shown}</Text>
        {focused && <Text>{GLYPH.cursor}</Text>}
        {focused && value === '' && placeholder !== undefined && <Text dimColor>{` ${placeholder}`}</Text>}
      </Text>
    </Box>
  );
}
