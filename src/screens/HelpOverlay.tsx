// Every key of the screen underneath, from the same table as the footer.
import { Box, Text } from 'ink';
import { bodyHeight } from '../state/layout';
import { screenContext } from '../ui/keyContext';
import { bindingsFor } from '../ui/keymap';
import { useAppState } from '../ui/context';
import { theme } from '../ui/theme';

/** Border, title and the closing line around the list of keys. */
const OVERLAY_CHROME = 4;

export function HelpOverlay() {
  const state = useAppState();
  const bindings = bindingsFor(screenContext(state));
  const width = Math.max(...bindings.map((b) => b.keys.length));
  const room = Math.max(1, bodyHeight(state.size) - OVERLAY_CHROME);
  const shown = bindings.length > room ? bindings.slice(0, room - 1) : bindings;
  const hidden = bindings.length - shown.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} width="100%">
      <Text bold>Keys on this screen</Text>
      {shown.map((b) => (
        <Text key={`${b.keys}-${b.label}`} wrap="truncate">
          <Text bold color={theme.accent}>{b.keys.padEnd(width + 2)}</Text>
          <Text>{b.label}</Text>
        </Text>
      ))}
      {hidden > 0 && <Text dimColor wrap="truncate">{`… ${hidden} more: enlarge the window to see them`}</Text>}
      <Text dimColor wrap="truncate">Esc or ? closes this help.</Text>
    </Box>
  );
}
