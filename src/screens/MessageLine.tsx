// The message line: the outcome of the last action, or what went wrong and what to do.
import { Box, Text } from 'ink';
import { useAppState } from '../ui/context';
import { GLYPH, theme } from '../ui/theme';

export function MessageLine() {
  const { message, busy } = useAppState();
  if (busy !== undefined) {
    return (
      <Box height={1} width="100%">
        <Text wrap="truncate" color={theme.accent}>{busy}</Text>
      </Box>
    );
  }
  if (!message) return <Box height={1} />;
  const color = message.kind === 'error' ? theme.danger : message.kind === 'success' ? theme.ok : undefined;
  const prefix = message.kind === 'error' ? `${GLYPH.expired} ` : message.kind === 'success' ? `${GLYPH.valid} ` : '';
  return (
    <Box height={1} width="100%">
      <Text wrap="truncate">
        <Text color={color}>{prefix + message.text}</Text>
        {message.hint !== undefined && <Text>{` — ${message.hint}`}</Text>}
      </Text>
    </Box>
  );
}
