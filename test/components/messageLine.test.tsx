import { describe, expect, it } from 'vitest';
import { messageRows } from '../../src/components/MessageLine';
import type { Message } from '../../src/state/types';
import { displayWidth } from '../../src/text/terminal-width';
import { drive, fakeStore } from '../helpers/ui-harness';

const PASSWORD: Message = {
  kind: 'error',
  text: '127.0.0.1:36823 answered 401: wrong email or password',
  hint: 'the email or password was refused: Esc to correct them, Enter to retry',
};
const REFUSED: Message = {
  kind: 'error',
  text: '127.0.0.1:9 refused the connection',
  hint: 'check the endpoint and your connection, then press r to retry',
};

const joined = (rows: ReturnType<typeof messageRows>) => rows.map((row) => row.map((p) => p.text).join('')).join(' ');
const hintOf = (rows: ReturnType<typeof messageRows>) => rows.flatMap((row) => row.filter((p) => p.hint).map((p) => p.text.trim())).join(' ');

describe('messageRows', () => {
  it('keeps a message that fits on one row', () => {
    const rows = messageRows({ kind: 'success', text: 'Deleted token ci.', hint: 'r refreshes' }, 80);
    expect(rows).toHaveLength(1);
    expect(joined(rows)).toBe('✓ Deleted token ci. — r refreshes');
  });

  for (const message of [PASSWORD, REFUSED]) {
    it(`keeps text and hint whole at 80 columns, over two rows: ${message.text}`, () => {
      const rows = messageRows(message, 80);
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(displayWidth(row.map((p) => p.text).join(''))).toBeLessThanOrEqual(80);
      expect(joined(rows)).toBe(`✗ ${message.text} — ${message.hint}`);
      expect(hintOf(rows)).toBe(`— ${message.hint}`);
    });
  }

  it('cuts the text, never the hint, when both do not fit two rows', () => {
    const long: Message = { kind: 'error', text: `the server said: ${'x'.repeat(200)}`, hint: 'press r to retry, or p for another profile' };
    for (const width of [50, 80]) {
      const rows = messageRows(long, width);
      expect(rows).toHaveLength(2);
      const text = joined(rows);
      expect(text).toContain('…');
      expect(text.endsWith('— press r to retry, or p for another profile')).toBe(true);
      for (const row of rows) expect(displayWidth(row.map((p) => p.text).join(''))).toBeLessThanOrEqual(width);
    }
  });

  it('at 50 columns keeps a 70-cell hint whole', () => {
    const rows = messageRows(PASSWORD, 50);
    expect(rows).toHaveLength(2);
    expect(joined(rows).endsWith(`— ${PASSWORD.hint}`)).toBe(true);
  });
});

describe('the message line on screen at 80 columns', () => {
  it('shows the whole hint on the footer row until the next key, and the frame keeps its height', async () => {
    const { store } = fakeStore({}, {}, { columns: 80, rows: 24 });
    store.dispatch({ type: 'tokens/loaded', items: [] });
    const ui = await drive(store);
    ui.resize({ columns: 80, rows: 24 });
    await ui.waitFor('No tokens yet.');
    store.dispatch({ type: 'message/set', message: PASSWORD });
    await ui.waitFor('Enter to retry');
    const lines = ui.frame().split('\n');
    expect(lines).toHaveLength(23);
    expect(lines.slice(-2).join(' ')).toBe(`✗ ${PASSWORD.text} — ${PASSWORD.hint}`);
    expect(ui.frame()).not.toContain('q quit');
    await ui.press('s', 'q quit');
    expect(ui.frame()).not.toContain('Enter to retry');
    expect(ui.frame().split('\n')).toHaveLength(23);
    ui.unmount();
  });
});
