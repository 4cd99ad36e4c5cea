// Text that is wider than the terminal: a field being typed into shows its
// end, and the token detail shows every word of a long description.
import { describe, expect, it } from 'vitest';
import { detailLineCount } from '../../src/state/layout';
import { displayWidth } from '../../src/text/terminal-width';
import { token } from '../state/fixtures';
import { PASTE_END, PASTE_START } from '../../src/keys/dispatch';
import { drive, fakeStore, KEY } from '../helpers/ui-harness';

const LONG = 'Deploys the production stack from GitHub Actions, owned by platform team, rotated every quarter by the on-call engineer';

describe('a text field wider than the terminal', () => {
  it('shows the end of what is being typed, with a leading … and the cursor in sight', async () => {
    const { store } = fakeStore({}, {}, { columns: 80, rows: 24 });
    store.dispatch({ type: 'tokens/loaded', items: [] });
    const ui = await drive(store);
    ui.resize({ columns: 80, rows: 24 });
    await ui.press('n', 'New token');
    await ui.type('ci');
    await ui.press(KEY.enter, 'Description');
    // Pasted, as a person would: the field's text-input component takes it at its cursor.
    await ui.press(`${PASTE_START}${LONG}${PASTE_END}`, 'on-call engineer▏');
    expect(store.getState().wizard.description).toBe(LONG);
    const line = ui.frame().split('\n').find((l) => l.includes('› Description:')) ?? '';
    expect(line).toMatch(/› Description: ….*by the on-call engineer▏$/);
    expect(displayWidth(line)).toBeLessThanOrEqual(80);
    await ui.type('!');
    await ui.waitFor('on-call engineer!▏');
    ui.unmount();
  });
});

describe('the token detail with a long description', () => {
  const long = token(1, { name: 'ci-deploy', description: LONG, permissions: { actions: ['ListAPITokens', 'GetAPIToken', 'DeleteAPIToken'] } });

  it('wraps the description over several lines, every word shown, at 80 and 50 columns', async () => {
    for (const columns of [80, 50]) {
      const { store } = fakeStore({}, {}, { columns, rows: 40 });
      store.dispatch({ type: 'tokens/loaded', items: [long] });
      const ui = await drive(store);
      ui.resize({ columns, rows: 40 });
      await ui.press(KEY.enter, 'Token ci-deploy');
      const lines = ui.frame().split('\n');
      const first = lines.findIndex((l) => l.startsWith('Description'));
      const last = lines.findIndex((l) => l.startsWith('Created'));
      const description = lines.slice(first, last).map((l, i) => (i === 0 ? l.slice('Description'.length) : l).trim());
      expect(description.length).toBeGreaterThan(1);
      expect(description.join(' ')).toBe(LONG);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      // The detail draws exactly detailLineCount lines, the number the scroll bound is made of.
      const title = lines.findIndex((l) => l.startsWith('Token ci-deploy'));
      const end = lines.findIndex((l) => l.includes('DeleteAPIToken —'));
      expect(lines.slice(title, Math.max(end, lines.findIndex((l) => l.includes('ListAPITokens —'))) + 1).length).toBe(detailLineCount(long, columns));
      ui.unmount();
    }
  });

  // Fails until src/state/reducer.ts bounds the scroll with
  // detailLineCount(token, state.size.columns) instead of the permission count.
  it('scrolls down to the last permission at 50x12 when the description wraps', async () => {
    const { store } = fakeStore({}, {}, { columns: 50, rows: 12 });
    store.dispatch({ type: 'tokens/loaded', items: [long] });
    const ui = await drive(store);
    ui.resize({ columns: 50, rows: 12 });
    await ui.press(KEY.enter, 'Token ci-deploy');
    for (let i = 0; i < 20; i++) await ui.press('j');
    await ui.waitFor('↑ top');
    expect(ui.frame()).toContain('ListAPITokens —');
    ui.unmount();
  });
});
