// One dim line of key hints for the current context, from the keymap table.
// A message too long for its own line borrows this row until the next key.
import { Box, Text } from 'ink';
import { keyContext } from '../keys/context';
import { footerBindings, hint } from '../keys/keymap';
import { useAppState } from '../ui/context';
import { messageOverflow, MessageRowView } from './MessageLine';

export function Footer() {
  const state = useAppState();
  const overflow = messageOverflow(state);
  if (overflow) return <MessageRowView row={overflow.row} color={overflow.color} />;
  const hints = footerBindings(keyContext(state))
    .map(hint)
    .map((h) => `${h.keys} ${h.label}`)
    .join('  ');
  return (
    <Box height={1} width="100%">
      <Text dimColor wrap="truncate">{hints}</Text>
    </Box>
  );
}
