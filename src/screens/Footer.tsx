// One dim line of key hints for the current context, from the keymap table.
import { Box, Text } from 'ink';
import { keyContext } from '../ui/keyContext';
import { footerBindings } from '../ui/keymap';
import { useAppState } from '../ui/context';

export function Footer() {
  const state = useAppState();
  const hints = footerBindings(keyContext(state))
    .map((b) => `${b.keys} ${b.label}`)
    .join('  ');
  return (
    <Box height={1} width="100%">
      <Text dimColor wrap="truncate">{hints}</Text>
    </Box>
  );
}
