// The token list: only the rows that fit are rendered (docs/terminal.md §10), each
// one line (wrap="truncate"), so 10,000 tokens cost what 20 do.
import { Box, Text } from 'ink';
import type { APIToken } from '../api/schemas';
import { listViewportRows } from '../state/layout';
import { hasTokenCredentials, serverSaysLastUse, sortLabel, visibleTokens, widestName } from '../state/selectors';
import { shareColumns } from '../text/columns';
import { displayWidth } from '../text/terminal-width';
import type { State } from '../state/types';
import { expiryState, parseApiTime } from '../tokens';
import { useAppState, useNow } from '../ui/context';
import { cell, endpointHost, expiryText, lastUseText, lastUseTextAt, NEVER_USED, permissionCell, permissionSummary, shortId } from '../ui/format';
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

/**
 * How NAME, PERMISSIONS and DESCRIPTION give up room when the row does not
 * fit (src/text/columns.ts): NAME and DESCRIPTION share what the fixed
 * columns leave, each keeping `min` while LAST USED, then DESCRIPTION, can be
 * left out instead; PERMISSIONS gives only after them, and its `+N` is never cut.
 */
const NAME_ROOM = { min: 16, least: 10 };
const DESCRIPTION_ROOM = { min: 10 };
/** "ListAPITokens +1" whole; at the last, "GetO… +2". */
const PERMISSIONS_ROOM = { min: 16, least: 8 };
const ID_WIDTH = 8;
const SESSION_MARK = ' (this session)';
/** Where the words do not fit beside the name: the glyph the profile picker uses for the active one. */
const SESSION_GLYPH = ` ${GLYPH.active}`;
/** Marked rows carry the glyph before the name, so marks read without colour too. */
const MARK = `${GLYPH.checked} `;

/** What each column's widest value takes, in cells (headers included). */
interface ColumnNeeds {
  name: number;
  expiry: number;
  /** 0 when the server does not say when tokens were used. */
  lastUse: number;
  permissions: number;
  description: number;
}

function columnsFor(width: number, needs: ColumnNeeds): Columns {
  const [name = 0, id = 0, expiry = 0, lastUse = 0, permissions = 0, description = 0] = shareColumns(
    [
      { need: needs.name, min: Math.min(needs.name, NAME_ROOM.min), least: Math.min(needs.name, NAME_ROOM.least), yields: 2 },
      { need: ID_WIDTH },
      { need: needs.expiry },
      { need: needs.lastUse, optional: 2 },
      { need: needs.permissions, min: Math.min(needs.permissions, PERMISSIONS_ROOM.min), least: Math.min(needs.permissions, PERMISSIONS_ROOM.least), yields: 1 },
      { need: needs.description, min: Math.min(needs.description, DESCRIPTION_ROOM.min), least: 0, yields: 2, optional: 1 },
    ],
    // The selection mark takes the first two cells of every row.
    width - 2,
    1,
  );
  return { name, id, expiry, lastUse, permissions, description };
}

const EXPIRY_HEADER = 'EXPIRES';
const LAST_USE_HEADER = 'LAST USED';

/** Per list, measured once: widths that do not change with the clock, and times parsed. */
interface ListMeasure extends Pick<ColumnNeeds, 'permissions' | 'description'> {
  expiresAt: number[];
  /** null: never used; undefined: not said (or unreadable). */
  lastUsedAt: Array<number | null | undefined>;
  /** The times in words, measured again at most once a second. */
  times?: { second: number; expiry: number; lastUse: number };
}
const listMeasures = new WeakMap<readonly APIToken[], ListMeasure>();

const parsedOrNaN = (text: string): number => {
  try {
    return parseApiTime(text);
  } catch {
    return Number.NaN;
  }
};

/**
 * The columns' needs over the whole list, so that widths do not move while
 * scrolling. Times are parsed once per list: measuring 10,000 expiries then
 * costs about a millisecond a second rather than eighty.
 */
function measureNeeds(items: readonly APIToken[], now: number, nameNeeds: number, lastUseShown: boolean): ColumnNeeds {
  let measure = listMeasures.get(items);
  if (!measure) {
    measure = { permissions: displayWidth('PERMISSIONS'), description: displayWidth('DESCRIPTION'), expiresAt: [], lastUsedAt: [] };
    for (const t of items) {
      measure.permissions = Math.max(measure.permissions, displayWidth(permissionSummary(t.permissions.actions)));
      measure.description = Math.max(measure.description, displayWidth(t.description ?? ''));
      measure.expiresAt.push(parsedOrNaN(t['expires-at']));
      const used = t['last-used-at'];
      measure.lastUsedAt.push(used === null ? null : used === undefined ? undefined : parsedOrNaN(used));
    }
    listMeasures.set(items, measure);
  }
  const second = Math.floor(now / 1000);
  if (measure.times?.second !== second) {
    // Glyph and space, then ASCII words: two cells and one per character.
    let expiry = EXPIRY_HEADER.length;
    items.forEach((t, i) => {
      const at = measure.expiresAt[i]!;
      expiry = Math.max(expiry, Number.isNaN(at) ? displayWidth(t['expires-at']) : 2 + expiryText(at, now).length);
    });
    let lastUse = LAST_USE_HEADER.length;
    if (lastUseShown) {
      for (const at of measure.lastUsedAt) {
        if (at !== undefined && !Number.isNaN(at)) lastUse = Math.max(lastUse, at === null ? NEVER_USED.length : lastUseTextAt(at, now).length);
      }
    }
    measure.times = { second, expiry, lastUse };
  }
  const { permissions, description, times } = measure;
  return { name: Math.max(4, nameNeeds), expiry: times.expiry, lastUse: lastUseShown ? times.lastUse : 0, permissions, description };
}

/** `✓ in 41d`, `✗ expired 2d ago`: the glyph carries the state without colour. */
function expiryCell(token: APIToken, now: number): string {
  let expiresAt: number;
  try {
    expiresAt = parseApiTime(token['expires-at']);
  } catch {
    return token['expires-at'];
  }
  return `${expiryGlyph(expiryState(expiresAt, now))} ${expiryText(expiresAt, now)}`;
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
  const expiry = expiryCell(token, now);
  const name = nameCell(marked ? MARK + token.name : token.name, isSession, columns.name);
  return (
    <Box height={1}>
      <Text wrap="truncate" inverse={selected}>
        <Text bold={selected}>{selected ? `${GLYPH.selected} ` : '  '}</Text>
        <Text bold={selected}>{cell(name, columns.name)} </Text>
        <Text dimColor={!selected}>{cell(shortId(token.id), columns.id)} </Text>
        <Text color={expiryColor(state)}>{cell(expiry, columns.expiry)} </Text>
        {columns.lastUse > 0 && <Text dimColor={!selected}>{cell(lastUseText(token['last-used-at'], now) ?? '', columns.lastUse)} </Text>}
        <Text>{permissionCell(permissionSummary(token.permissions.actions), columns.permissions)}</Text>
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
  const columns = columnsFor(state.size.columns, measureNeeds(state.tokens.items, now, nameNeeds, serverSaysLastUse(state.tokens.items)));
  const viewport = listViewportRows(state.size);
  const empty = emptyText(state, items.length);
  const rows = items.slice(state.tokens.scroll, state.tokens.scroll + viewport);
  return (
    <Box flexDirection="column" width="100%">
      <Box height={1}>
        <Text wrap="truncate" bold>
          {'  '}{cell('NAME', columns.name)} {cell('ID', columns.id)} {cell(EXPIRY_HEADER, columns.expiry)}{' '}
          {columns.lastUse > 0 ? `${cell(LAST_USE_HEADER, columns.lastUse)} ` : ''}{cell('PERMISSIONS', columns.permissions)}
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
