// A one-line field drawn from state; the dispatcher does the typing, so no
// focus manager is involved (INK6.md item 6: Esc clears ink's focus).
import { Box, Text } from 'ink';
import { GLYPH, theme } from '../ui/theme';

export function TextField({ label, value, focused, hidden, placeholder }: {
  label: string;
  value: string;
  focused: boolean;
  hidden?: boolean;
  placeholder?: string;
}) {
  const shown = hidden ? '•'.repeat(value.length) : value;
  return (
    <Box height={1}>
      <Text wrap="truncate">
        <Text bold={focused} color={focused ? theme.accent : undefined}>{`${focused ? GLYPH.selected : ' '} ${label}: `}</Text>
        <Text>{shown}</Text>
        {focused && <Text>{GLYPH.cursor}</Text>}
        {focused && value === '' && placeholder !== undefined && <Text dimColor>{` ${placeholder}`}</Text>}
      </Text>
    </Box>
  );
}
