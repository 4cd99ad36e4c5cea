// Every field of one token, its permissions in words, and how much of its life is used.
import { Box, Text } from 'ink';
import { detailToken } from '../state/selectors';
import { describePermission, expiryState, formatRelative, lifetimeUsed, parseApiTime, sortPermissions } from '../tokens';
import { useAppState, useNow } from '../ui/context';
import { absoluteTime, expiryText, progressBar } from '../ui/format';
import { expiryColor, expiryGlyph, GLYPH, theme } from '../ui/theme';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box height={1}>
      <Text wrap="truncate">
        <Text bold>{label.padEnd(14)}</Text>
        {children}
      </Text>
    </Box>
  );
}

export function TokenDetail() {
  const state = useAppState();
  const now = useNow();
  const token = detailToken(state);
  if (!token) {
    return <Text>This token is no longer in the list. Press Esc to go back.</Text>;
  }
  const created = parseApiTime(token['created-at']);
  const expires = parseApiTime(token['expires-at']);
  const expiry = expiryState(expires, now);
  const used = lifetimeUsed(created, expires, now);
  const isSession = token.id === state.session.tokenId;
  return (
    <Box flexDirection="column" width="100%">
      <Box height={1}>
        <Text wrap="truncate" bold color={theme.accent}>
          {`Token ${token.name}`}
          {isSession ? ` ${GLYPH.active} this session signs in with it` : ''}
        </Text>
      </Box>
      <Field label="ID">{token.id}</Field>
      <Field label="Name">{token.name}</Field>
      <Field label="Description">{token.description ? token.description : '(none)'}</Field>
      <Field label="Created">{`${absoluteTime(created)} (${formatRelative(created, now)})`}</Field>
      <Field label="Expires">
        <Text color={expiryColor(expiry)}>{`${expiryGlyph(expiry)} ${absoluteTime(expires)} (${expiryText(expires, now)})`}</Text>
      </Field>
      <Field label="TTL">{token.ttl}</Field>
      <Field label="Lifetime used">{`${progressBar(used, 20)} ${Math.round(used * 100)}%`}</Field>
      <Field label="Permissions">{`${token.permissions.actions.length}`}</Field>
      {sortPermissions(token.permissions.actions).map((name) => (
        <Box key={name} height={1} paddingLeft={2}>
          <Text wrap="truncate">
            <Text bold>{name}</Text>
            <Text dimColor>{` — ${describePermission(name)}`}</Text>
          </Text>
        </Box>
      ))}
    </Box>
  );
}
