// The message line: the outcome of the last action, or what went wrong and what to do.
// The hint (what to do) must stay readable: a message too long for one line
// takes a second row, the footer's, until the next key clears it (the frame
// keeps its height, so no list moves), and the text part is cut before the hint.
import { Box, Text } from 'ink';
import type { Message, State } from '../state/types';
import { displayWidth } from '../text/terminal-width';
import { useAppState } from '../ui/context';
import { fit, wrapText } from '../ui/format';
import { GLYPH, theme } from '../ui/theme';

/** A piece of one row: the message's own text (coloured by its kind), or the hint. */
export interface MessagePiece {
  text: string;
  hint: boolean;
}
export type MessageRow = MessagePiece[];

/** The text part is cut down to this many cells, at most, before the hint is. */
const MIN_TEXT = 8;
const SEPARATOR = ' — ';

function prefixOf(message: Message): string {
  return message.kind === 'error' ? `${GLYPH.expired} ` : message.kind === 'success' ? `${GLYPH.valid} ` : '';
}

/** Wraps `head + tail` and marks which characters of each row came from `head`. */
function rowsOf(head: string, tail: string, width: number): MessageRow[] {
  const source = head + tail;
  let position = 0;
  return wrapText(source, width).map((line) => {
    while (source[position] === ' ') position += 1;
    const start = position;
    position += line.length;
    const split = Math.max(0, Math.min(line.length, head.length - start));
    return [
      { text: line.slice(0, split), hint: false },
      { text: line.slice(split), hint: true },
    ].filter((piece) => piece.text !== '');
  });
}

/**
 * The message in one row when it fits `width`, otherwise in two: the text is
 * cut (with …) before the hint, and only a hint longer than two rows is cut.
 */
export function messageRows(message: Message, width: number): MessageRow[] {
  const oneSpace = (s: string) => s.replace(/ +/g, ' ');
  const prefix = prefixOf(message);
  const text = oneSpace(message.text);
  const tail = message.hint === undefined ? '' : SEPARATOR + oneSpace(message.hint);
  if (displayWidth(prefix + text + tail) <= width) {
    return [[{ text: prefix + text, hint: false }, ...(tail ? [{ text: tail, hint: true }] : [])]];
  }
  const full = rowsOf(prefix + text, tail, width);
  if (full.length <= 2) return full;
  // Cut the text until text and hint fit two rows, down to MIN_TEXT cells.
  for (let budget = displayWidth(text) - 1; budget >= Math.min(MIN_TEXT, displayWidth(text)); budget -= 1) {
    const rows = rowsOf(prefix + fit(text, budget), tail, width);
    if (rows.length <= 2) return rows;
  }
  // Still too long: the second row ends with … where the hint is cut.
  const short = prefix + fit(text, MIN_TEXT);
  const rows = rowsOf(short, tail, width).slice(0, 2);
  const first = rows[0]!.map((piece) => piece.text).join('');
  const rest = (short + tail).slice(first.length).trimStart();
  return [rows[0]!, [{ text: fit(rest, width), hint: (short + tail).length - rest.length >= short.length }]];
}

function colorOf(message: Message): string | undefined {
  return message.kind === 'error' ? theme.danger : message.kind === 'success' ? theme.ok : undefined;
}

export function MessageRowView({ row, color }: { row: MessageRow; color: string | undefined }) {
  return (
    <Box height={1} width="100%">
      <Text wrap="truncate">
        {row.map((piece, i) => (
          <Text key={i} color={piece.hint ? undefined : color}>{piece.text}</Text>
        ))}
      </Text>
    </Box>
  );
}

/** The second row of a message too long for one, which the footer draws in its place. */
export function messageOverflow(state: Pick<State, 'message' | 'busy' | 'size'>): { row: MessageRow; color: string | undefined } | undefined {
  const { message, busy, size } = state;
  if (busy !== undefined || !message) return undefined;
  const second = messageRows(message, size.columns)[1];
  return second && { row: second, color: colorOf(message) };
}

export function MessageLine() {
  const { message, busy, size } = useAppState();
  if (busy !== undefined) {
    return (
      <Box height={1} width="100%">
        <Text wrap="truncate" color={theme.accent}>{busy}</Text>
      </Box>
    );
  }
  if (!message) return <Box height={1} />;
  return <MessageRowView row={messageRows(message, size.columns)[0]!} color={colorOf(message)} />;
}
