// Every field of one token, its permissions in words, and how much of its
// life is used. Taller than the screen (13 permissions on 80x24), it scrolls.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { bodyHeight, DETAIL_LABEL_WIDTH, detailDescriptionLines } from '../state/layout';
import { detailToken } from '../state/selectors';
import { describePermission, expiryState, formatRelative, lifetimeUsed, parseApiTime, sortPermissions } from '../tokens';
import { useAppState, useNow } from '../ui/context';
import { absoluteTime, expiryText, lastUseText, progressBar } from '../ui/format';
import { expiryColor, expiryGlyph, GLYPH, theme } from '../ui/theme';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text wrap="truncate">
      <Text bold>{label.padEnd(DETAIL_LABEL_WIDTH)}</Text>
      {children}
    </Text>
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
  const permissions = sortPermissions(token.permissions.actions);
  // Exactly detailLineCount(token, columns) lines (src/state/layout.ts), which bounds the scroll.
  const description = detailDescriptionLines(token.description, state.size.columns);
  const lastUse = lastUseText(token['last-used-at'], now);
  const lastUsedAt = token['last-used-at'];
  const lines: ReactNode[] = [
    <Text key="title" wrap="truncate" bold color={theme.accent}>
      {`Token ${token.name}`}
      {isSession ? ` ${GLYPH.active} this session signs in with it` : ''}
    </Text>,
    <Field key="id" label="ID">{token.id}</Field>,
    ...description.map((line, i) => (
      <Field key={`description-${i}`} label={i === 0 ? 'Description' : ''}>{line}</Field>
    )),
    <Field key="created" label="Created">{`${absoluteTime(created)} (${formatRelative(created, now)})`}</Field>,
    <Field key="expires" label="Expires">
      <Text color={expiryColor(expiry)}>{`${expiryGlyph(expiry)} ${absoluteTime(expires)} (${expiryText(expires, now)})`}</Text>
    </Field>,
    <Field key="ttl" label="TTL">{token.ttl}</Field>,
    ...(token['last-used-at'] === undefined
      ? []
      : [<Field key="last-used" label="Last used">{lastUsedAt ? `${absoluteTime(parseApiTime(lastUsedAt))} (${lastUse ?? ''})` : (lastUse ?? '')}</Field>]),
    <Field key="used" label="Lifetime used">{`${progressBar(used, 20)} ${Math.round(used * 100)}%`}</Field>,
    <Field key="permissions" label="Permissions">{`${permissions.length}`}</Field>,
    ...permissions.map((name) => (
      <Text key={`p-${name}`} wrap="truncate">
        <Text bold>{`  ${name}`}</Text>
        <Text dimColor>{` — ${describePermission(name)}`}</Text>
      </Text>
    )),
  ];
  const height = bodyHeight(state.size);
  const overflow = lines.length > height;
  const start = overflow ? Math.min(state.tokens.detailScroll, lines.length - (height - 1)) : 0;
  const shown = overflow ? lines.slice(start, start + height - 1) : lines;
  const below = lines.length - start - shown.length;
  return (
    <Box flexDirection="column" width="100%">
      {shown}
      {overflow && <Text dimColor wrap="truncate">{below > 0 ? `↓ ${below} more line${below === 1 ? '' : 's'} (↓/j)` : '↑ top (↑/k)'}</Text>}
    </Box>
  );
}
