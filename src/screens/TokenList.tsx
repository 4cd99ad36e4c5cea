// The token list: only the rows that fit are rendered (docs/terminal.md §10), each
// one line (wrap="truncate"), so 10,000 tokens cost what 20 do.
import { Box, Text } from 'ink';
import type { APIToken } from '../api/schemas';
import { listViewportRows } from '../state/layout';
import { hasTokenCredentials, serverSaysLastUse, sortLabel, visibleTokens, widestName } from '../state/selectors';
import { displayWidth } from '../text/terminal-width';
import type { State } from '../state/types';
import { expiryState, parseApiTime } from '../tokens';
import { useAppState, useNow } from '../ui/context';
import { cell, endpointHost, expiryText, lastUseText, permissionSummary, shortId } from '../ui/format';
import { expiryColor, expiryGlyph, GLYPH, theme } from '../ui/theme';

interface Columns {
  name: number;
  id: number;
  expiry: number;
  /** 0 when the server does not say when tokens were used. */
  lastUse: number;
  permissions: number;
  description: number;
}

/** "used 23h ago", "used <1m ago", "never used" (a rare "used 364d ago" loses its end). */
const LAST_USE_WIDTH = 12;
/** "ListAPITokens +1": the permissions column is not given up for the last-use one. */
const MIN_PERMISSIONS = 16;
const SESSION_MARK = ' (this session)';
/** Where the words do not fit beside the name: the glyph the profile picker uses for the active one. */
const SESSION_GLYPH = ` ${GLYPH.active}`;
/** Marked rows carry the glyph before the name, so marks read without colour too. */
const MARK = `${GLYPH.checked} `;

function columnsFor(width: number, lastUse: { shown: boolean; nameNeeds: number }): Columns {
  const usable = width - 2;
  const fair = Math.min(30, Math.max(10, Math.floor(usable * 0.3)));
  const id = 8;
  const expiry = 18; // "✗ expired 27d ago"
  // The last-use column is paid for first by the room the names do not use,
  // and only where the permissions keep their width; otherwise it is left out.
  if (lastUse.shown) {
    const name = Math.min(fair, Math.max(10, lastUse.nameNeeds));
    const rest = usable - name - id - expiry - 3 - (LAST_USE_WIDTH + 1);
    if (rest >= MIN_PERMISSIONS) return { name, id, expiry, lastUse: LAST_USE_WIDTH, ...share(rest) };
  }
  return { name: fair, id, expiry, lastUse: 0, ...share(Math.max(0, usable - fair - id - expiry - 3)) };
}

function share(rest: number): Pick<Columns, 'permissions' | 'description'> {
  // A summary like "ListAPITokens +1" needs 16; wider screens give it up to
  // 20, and the description takes the rest (at 80 columns, 9 rather than 5).
  const permissions = Math.min(rest, Math.min(20, Math.max(MIN_PERMISSIONS, rest - 24)));
  return { permissions, description: Math.max(0, rest - permissions - 1) };
}

/** The name cell: the session's words when they fit whole, else its glyph, else the name cut for the words (never the marker). */
function nameCell(title: string, isSession: boolean, width: number): string {
  if (!isSession) return title;
  if (displayWidth(title) + SESSION_MARK.length <= width) return title + SESSION_MARK;
  if (displayWidth(title) + SESSION_GLYPH.length <= width) return title + SESSION_GLYPH;
  return width > SESSION_MARK.length + 4 ? cell(title, width - SESSION_MARK.length).trimEnd() + SESSION_MARK : title;
}

function TokenRow({ token, selected, marked, now, columns, isSession }: {
  token: APIToken; selected: boolean; marked: boolean; now: number; columns: Columns; isSession: boolean;
}) {
  const expiresAt = parseApiTime(token['expires-at']);
  const state = expiryState(expiresAt, now);
  const expiry = `${expiryGlyph(state)} ${expiryText(expiresAt, now)}`;
  const name = nameCell(marked ? MARK + token.name : token.name, isSession, columns.name);
  return (
    <Box height={1}>
      <Text wrap="truncate" inverse={selected}>
        <Text bold={selected}>{selected ? `${GLYPH.selected} ` : '  '}</Text>
        <Text bold={selected}>{cell(name, columns.name)} </Text>
        <Text dimColor={!selected}>{cell(shortId(token.id), columns.id)} </Text>
        <Text color={expiryColor(state)}>{cell(expiry, columns.expiry)} </Text>
        {columns.lastUse > 0 && <Text dimColor={!selected}>{cell(lastUseText(token['last-used-at'], now) ?? '', columns.lastUse)} </Text>}
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
        {marks(state)}
      </Text>
    );
  }
  const position = count > 0 ? ` · ${tokens.selection + 1}/${count}` : '';
  return (
    <Text wrap="truncate">
      <Text dimColor>{`${total} token${total === 1 ? '' : 's'}${position}${order}${loading}`}</Text>
      {marks(state)}
    </Text>
  );
}

/** ` · 3 marked (1 hidden by the filter)`, or nothing. */
function marks(state: State): string {
  const { marks: marked } = state.tokens;
  if (marked.size === 0) return '';
  const shown = new Set(visibleTokens(state).map((t) => t.id));
  const hidden = [...marked].filter((id) => !shown.has(id)).length;
  return ` · ${marked.size} marked${hidden > 0 ? ` (${hidden} hidden by the filter)` : ''}`;
}

export function TokenList() {
  const state = useAppState();
  const now = useNow();
  const items = visibleTokens(state);
  const own = state.tokens.items.find((t) => t.id === state.session.tokenId);
  const nameNeeds = Math.max(widestName(state.tokens.items), own ? displayWidth(own.name) + SESSION_MARK.length : 0) + (state.tokens.marks.size > 0 ? MARK.length : 0);
  const columns = columnsFor(state.size.columns, { shown: serverSaysLastUse(state.tokens.items), nameNeeds });
  const viewport = listViewportRows(state.size);
  const empty = emptyText(state, items.length);
  const rows = items.slice(state.tokens.scroll, state.tokens.scroll + viewport);
  return (
    <Box flexDirection="column" width="100%">
      <Box height={1}>
        <Text wrap="truncate" bold>
          {'  '}{cell('NAME', columns.name)} {cell('ID', columns.id)} {cell('EXPIRES', columns.expiry)}{' '}
          {columns.lastUse > 0 ? `${cell('LAST USED', columns.lastUse)} ` : ''}{cell('PERMISSIONS', columns.permissions)}
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
              marked={state.tokens.marks.has(token.id)}
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
