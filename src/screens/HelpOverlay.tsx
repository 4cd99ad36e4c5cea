// Every key of the screen underneath, from the same table as the footer,
// laid out by helpGrid (src/state/layout.ts).
import { Box, Text } from 'ink';
import { HELP_COLUMN_GAP, helpGrid } from '../state/layout';
import { screenContext } from '../ui/keyContext';
import { bindingsFor, helpEntryWidths } from '../ui/keymap';
import { useAppState } from '../ui/context';
import { theme } from '../ui/theme';

export function HelpOverlay() {
  const state = useAppState();
  const bindings = bindingsFor(screenContext(state));
  const { keys: keysWidth, entry: entryWidth } = helpEntryWidths(bindings);
  const grid = helpGrid(bindings.length, entryWidth, state.size);
  const columns = Array.from({ length: grid.columns }, (_, c) => bindings.slice(c * grid.rows, Math.min((c + 1) * grid.rows, grid.shown)));
  const hidden = bindings.length - grid.shown;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} width="100%">
      <Text bold>Keys on this screen</Text>
      <Box flexDirection="row" columnGap={HELP_COLUMN_GAP}>
        {columns.map((column, c) => (
          <Box key={c} flexDirection="column" flexShrink={grid.columns === 1 ? 1 : 0} width={grid.columns === 1 ? undefined : entryWidth}>
            {column.map((b) => (
              <Text key={`${b.keys}-${b.label}`} wrap="truncate">
                <Text bold color={theme.accent}>{b.keys.padEnd(keysWidth)}</Text>
                <Text>{b.label}</Text>
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
