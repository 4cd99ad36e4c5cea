// One dim line of key hints for the current context, from the keymap table
// (which keys: footerBindings; how they share the width: footerLine).
// A message too long for its own line borrows this row until the next key.
import { Box, Text } from 'ink';
import { keyContext } from '../keys/context';
import { footerBindings } from '../keys/keymap';
import { useAppState, useNow } from '../ui/context';
import { footerLine } from '../ui/footerLine';
import { messageOverflow, MessageRowView } from './MessageLine';

export function Footer() {
  const state = useAppState();
  const now = useNow();
  const overflow = messageOverflow(state);
  if (overflow) return <MessageRowView row={overflow.row} color={overflow.color} />;
  const hints = footerLine(footerBindings(keyContext(state), state, now), state.size.columns);
  return (
    <Box height={1} width="100%">
      <Text dimColor wrap="truncate">{hints}</Text>
    </Box>
  );
}
