// Every key of the screen underneath, from the same table as the footer.
import { Box, Text } from 'ink';
import { screenContext } from '../ui/keyContext';
import { bindingsFor } from '../ui/keymap';
import { useAppState } from '../ui/context';
import { theme } from '../ui/theme';

export function HelpOverlay() {
  const state = useAppState();
  const bindings = bindingsFor(screenContext(state));
  const width = Math.max(...bindings.map((b) => b.keys.length));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1} width="100%">
      <Text bold>Keys on this screen</Text>
      {bindings.map((b) => (
        <Text key={`${b.keys}-${b.label}`} wrap="truncate">
          <Text bold color={theme.accent}>{b.keys.padEnd(width + 2)}</Text>
          <Text>{b.label}</Text>
        </Text>
      ))}
      <Text dimColor wrap="truncate">Esc or ? closes this help.</Text>
    </Box>
  );
}
