// What a bulk delete of marked tokens could not do: one line per token that
// failed, and why (deleted elsewhere meanwhile, a permission refused). The
// deleted ones are already gone from the list.
import { Box, Text } from 'ink';
import { bodyHeight } from '../state/layout';
import { useAppState } from '../ui/context';
import { shortId } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';

export function DeletionReport() {
  const { bulkDelete: bulk, size } = useAppState();
  if (!bulk) return <Text>No delete to report. Press Esc to go back.</Text>;
  // Title, summary and the "more" line around the failures.
  const room = Math.max(1, bodyHeight(size) - 3);
  const shown = bulk.failures.length > room ? bulk.failures.slice(0, room - 1) : bulk.failures;
  const more = bulk.failures.length - shown.length;
  return (
    <Box flexDirection="column" width="100%">
      <Text wrap="truncate" bold color={theme.accent}>Delete of marked tokens</Text>
      <Text wrap="truncate">
        {bulk.running
          ? `Deleting ${bulk.done} of ${bulk.total}…`
          : `${GLYPH.valid} ${bulk.deleted} deleted, ${GLYPH.expired} ${bulk.failures.length} failed, of ${bulk.total}.`}
      </Text>
      {shown.map((f) => (
        <Text key={f.id} wrap="truncate">
          <Text color={theme.danger}>{`${GLYPH.expired} failed `}</Text>
          <Text bold>{f.name}</Text>
          <Text dimColor>{` (${shortId(f.id)})`}</Text>
          <Text>{`: ${f.reason}`}</Text>
        </Text>
      ))}
      {more > 0 && <Text wrap="truncate" dimColor>{`… and ${more} more`}</Text>}
    </Box>
  );
}
