// The token list: only the rows that fit are rendered (docs/terminal.md §10), each
// one line (wrap="truncate"), so 10,000 tokens cost what 20 do.
import { Box, Text } from 'ink';
import type { APIToken } from '../api/schemas';
import { listViewportRows } from '../state/layout';
import { hasTokenCredentials, sortLabel, visibleTokens } from '../state/selectors';
import type { State } from '../state/types';
import { expiryState, parseApiTime } from '../tokens';
import { useAppState, useNow } from '../ui/context';
import { cell, endpointHost, expiryText, permissionSummary, shortId } from '../ui/format';
import { expiryColor, expiryGlyph, GLYPH, theme } from '../ui/theme';

interface Columns {
  name: number;
  id: number;
  expiry: number;
  permissions: number;
  description: number;
}

function columnsFor(width: number): Columns {
  const usable = width - 2;
  const name = Math.min(30, Math.max(10, Math.floor(usable * 0.3)));
  const id = 8;
  const expiry = 18; // "✗ expired 27d ago"
  const rest = Math.max(0, usable - name - id - expiry - 3);
  // A summary like "ListAPITokens +1" needs 16; wider screens give it up to
  // 20, and the description takes the rest (at 80 columns, 9 rather than 5).
  const permissions = Math.min(rest, Math.min(20, Math.max(16, rest - 24)));
  const description = Math.max(0, rest - permissions - 1);
  return { name, id, expiry, permissions, description };
}

function TokenRow({ token, selected, now, columns, isSession }: {
  token: APIToken; selected: boolean; now: number; columns: Columns; isSession: boolean;
}) {
  const expiresAt = parseApiTime(token['expires-at']);
  const state = expiryState(expiresAt, now);
  const expiry = `${expiryGlyph(state)} ${expiryText(expiresAt, now)}`;
  // The session marker is never the part that gets cut.
  const marker = ' (this session)';
  const name = isSession && columns.name > marker.length + 4 ? cell(token.name, columns.name - marker.length).trimEnd() + marker : token.name;
  return (
    <Box height={1}>
      <Text wrap="truncate" inverse={selected}>
        <Text bold={selected}>{selected ? `${GLYPH.selected} ` : '  '}</Text>
        <Text bold={selected}>{cell(name, columns.name)} </Text>
        <Text dimColor={!selected}>{cell(shortId(token.id), columns.id)} </Text>
        <Text color={expiryColor(state)}>{cell(expiry, columns.expiry)} </Text>
        <Text>{cell(permissionSummary(token.permissions.actions), columns.permissions)}</Text>
        {columns.description > 0 && <Text dimColor={!selected}> {cell(token.description ?? '', columns.description)}</Text>}
      </Text>
    </Box>
  );
}

interface EmptyText {
  text: string;
  hint: string;
  error?: boolean;
  /** False when there is no list to count (no credentials, an error, still loading): no "0 tokens". */
  counted?: boolean;
}

/** The list's state in words, with what to do next. */
function emptyText(state: State, count: number): EmptyText | undefined {
  const { tokens, session } = state;
  if (session.credentialsGone) return { text: "This session's credentials no longer work.", hint: 'Press p to choose another profile.', error: true };
  if (!hasTokenCredentials(state)) {
    return {
      text: session.profileName && !session.profileExists ? `Profile "${session.profileName.value}" is not in the config file.` : 'No credentials for this session.',
      hint: 'Press p to choose or add a profile (the same as appclacks login).',
    };
  }
  if (tokens.status === 'error' && tokens.items.length === 0 && tokens.error) {
    return { text: tokens.error.text, hint: tokens.error.hint ?? 'Press r to retry.', error: true };
  }
  if (count > 0) return undefined;
  if (tokens.status === 'loading' || tokens.status === 'idle') return { text: `Loading tokens from ${endpointHost(session.endpoint.value)}…`, hint: 'q quits.' };
  if (tokens.filter !== '') return { text: `No token matches "${tokens.filter}".`, hint: 'Esc clears the filter.', counted: true };
  return { text: 'No tokens yet.', hint: 'Press n to create one.', counted: true };
}

function StatusLine({ state, count }: { state: State; count: number }) {
  const { tokens } = state;
  const total = tokens.items.length;
  const loading = tokens.status === 'loading' ? ' · refreshing…' : '';
  const order = ` · ${sortLabel(tokens.sort)}`;
  if (tokens.filterEditing || tokens.filter !== '') {
    return (
      <Text wrap="truncate">
        <Text color={theme.accent}>/ </Text>
        <Text>{tokens.filter}</Text>
        {tokens.filterEditing && <Text>{GLYPH.cursor}</Text>}
        <Text dimColor>{`  ${count} of ${total} tokens match${order}${loading}`}</Text>
      </Text>
    );
  }
  const position = count > 0 ? ` · ${tokens.selection + 1}/${count}` : '';
  return <Text wrap="truncate" dimColor>{`${total} token${total === 1 ? '' : 's'}${position}${order}${loading}`}</Text>;
}

export function TokenList() {
  const state = useAppState();
  const now = useNow();
  const items = visibleTokens(state);
  const columns = columnsFor(state.size.columns);
  const viewport = listViewportRows(state.size);
  const empty = emptyText(state, items.length);
  const rows = items.slice(state.tokens.scroll, state.tokens.scroll + viewport);
  return (
    <Box flexDirection="column" width="100%">
      <Box height={1}>
        <Text wrap="truncate" bold>
          {'  '}{cell('NAME', columns.name)} {cell('ID', columns.id)} {cell('EXPIRES', columns.expiry)} {cell('PERMISSIONS', columns.permissions)}
          {columns.description > 0 ? ` ${cell('DESCRIPTION', columns.description)}` : ''}
        </Text>
      </Box>
      {empty ? (
        <Box flexDirection="column" height={viewport} paddingLeft={2}>
          <Text wrap="truncate" color={empty.error ? theme.danger : undefined}>{empty.text}</Text>
          <Text wrap="truncate">{empty.hint}</Text>
        </Box>
      ) : (
        <Box flexDirection="column" height={viewport}>
          {rows.map((token, i) => (
            <TokenRow
              key={token.id}
              token={token}
              now={now}
              columns={columns}
              selected={state.tokens.scroll + i === state.tokens.selection}
              isSession={token.id === state.session.tokenId}
            />
          ))}
        </Box>
      )}
      <Box height={1}>
        {(!empty || empty.counted) && <StatusLine state={state} count={items.length} />}
      </Box>
    </Box>
  );
}
