// One line: who this session is (the words: src/ui/header.ts).
import { Box, Text } from 'ink';
import { useAppState, useNow } from '../ui/context';
import { headerText } from '../ui/header';
import { theme } from '../ui/theme';

export function Header() {
  const { session, tokens } = useAppState();
  const now = useNow();
  // Exactly the server's word (token/current) where it has the route; else the list row guessed to be ours.
  const own = session.current ?? (session.tokenId === undefined ? undefined : tokens.items.find((t) => t.id === session.tokenId));
  const { lead, rest } = headerText(session, own, now);
  return (
    <Box height={1} width="100%">
      <Text wrap="truncate">
        <Text bold color={lead.warning ? theme.warning : theme.accent}>
          {lead.text}
        </Text>
        <Text>{rest}</Text>
      </Text>
    </Box>
  );
}
