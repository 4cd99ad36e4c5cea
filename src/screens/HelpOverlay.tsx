// Every key of the screen underneath, from the same table as the footer,
// laid out by helpLayout (src/ui/helpLayout.ts).
import { Box, Text } from 'ink';
import { HELP_COLUMN_GAP } from '../state/layout';
import { helpLayout } from '../ui/helpLayout';
import { screenContext } from '../keys/context';
import { bindingsFor } from '../keys/keymap';
import { useAppState } from '../ui/context';
import { theme } from '../ui/theme';

export function HelpOverlay() {
  const state = useAppState();
  const { grid, columns, keysWidth, entryWidth, hidden } = helpLayout(bindingsFor(screenContext(state)), state.size);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} width="100%">
      <Text bold>Keys on this screen</Text>
      <Box flexDirection="row" columnGap={HELP_COLUMN_GAP}>
        {columns.map((column, c) => (
          <Box key={c} flexDirection="column" flexShrink={grid.columns === 1 ? 1 : 0} width={grid.columns === 1 ? undefined : entryWidth}>
            {column.map((e) => (
              <Text key={`${e.keys}-${e.label}`} wrap="truncate">
                <Text bold color={theme.accent}>{e.keys.padEnd(keysWidth)}</Text>
                <Text>{e.label}</Text>
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      {hidden > 0 && <Text dimColor wrap="truncate">{`… ${hidden} more: enlarge the window to see them`}</Text>}
      <Text dimColor wrap="truncate">Esc or ? closes this help.</Text>
    </Box>
  );
}
