import { Box, Text } from 'ink';
import { MIN_SIZE } from '../state/layout';
import type { Size } from '../state/types';

export function TooSmall({ size }: { size: Size }) {
  return (
    <Box flexDirection="column" height={Math.max(1, size.rows - 1)}>
      <Text wrap="truncate">Terminal too small</Text>
      <Text wrap="truncate">{`${size.columns}x${size.rows}, needs ${MIN_SIZE.columns}x${MIN_SIZE.rows}.`}</Text>
      <Text wrap="truncate">Enlarge it, or press q to quit.</Text>
    </Box>
  );
}
