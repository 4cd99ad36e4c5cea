import { describe, expect, it } from 'vitest';
import { tokens } from '../state/fixtures';
import { drive, fakeStore, KEY } from '../helpers/ui-harness';

function loadedStore(count = 30) {
  const made = fakeStore();
  made.store.dispatch({ type: 'tokens/loaded', items: tokens(count) });
  return made;
}

describe('the frame', () => {
  it('is rows - 1 lines, with one header line and one footer line that never wraps', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    const lines = ui.frame().split('\n');
    expect(lines).toHaveLength(23);
    expect(lines[0]).toMatch(/^appclacks │ profile work │ org org-1 │ 127\.0\.0\.1:1/);
    expect(lines.at(-1)).toMatch(/^q quit .*\? help/);
    ui.resize({ columns: 50, rows: 12 });
    await ui.waitFor((/^(?:.*\n){10}.*$/));
    const narrow = ui.frame().split('\n');
    expect(narrow).toHaveLength(11);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(50);
    ui.unmount();
  });

  it('reflows at once on resize, and keeps the selection visible', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    await ui.press('G', '› token-29');
    ui.resize({ columns: 60, rows: 15 });
    await ui.waitFor(/^(?:.*\n){13}.*$/);
    expect(ui.frame()).toContain('› token-29');
    expect(ui.frame().split('\n')).toHaveLength(14);
    ui.resize({ columns: 100, rows: 30 });
    await ui.waitFor(/^(?:.*\n){28}.*$/);
    expect(ui.frame()).toContain('› token-29');
    ui.unmount();
  });

  it('below 50x12 shows a notice and ignores every key but quit', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    ui.resize({ columns: 40, rows: 10 });
    await ui.waitFor('Terminal too small');
    expect(ui.frame()).toContain('40x10, needs 50x12');
    await ui.press('n');
    await ui.press('j');
    expect(store.getState().screens).toEqual(['list']);
    expect(store.getState().tokens.selection).toBe(0);
    await ui.press('q');
    expect(ui.exits).toBe(1);
    ui.resize({ columns: 80, rows: 24 });
    await ui.waitFor('30 tokens');
    ui.unmount();
  });
});

describe('keys everywhere', () => {
  it('? lists every key of the current screen, from the same table as the footer', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    await ui.press('?', 'Keys on this screen');
    for (const text of ['PgDn', 'page down', 'Home/g', 'End/G', 'd/Del', 'delete', '/ ', 'filter', 'Ctrl+C', 'quit now']) {
      expect(ui.frame()).toContain(text);
    }
    await ui.press(KEY.escape, '30 tokens');
    ui.unmount();
  });

  it('? shows every key of the list at 80x24, in two columns', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    ui.resize({ columns: 80, rows: 24 });
    await ui.waitFor('30 tokens');
    await ui.press('?', 'Keys on this screen');
    expect(ui.frame()).not.toContain('more: enlarge');
    expect(ui.frame()).toMatch(/Ctrl\+C\s+quit now\s+\S+\s+\S/);
    for (const label of ['quit now', 'page down', 'first', 'last', 'open', 'filter', 'sort', 'clear filter', 'new', 'delete', 'refresh', 'profiles', 'help']) {
      expect(ui.frame()).toContain(label);
    }
    ui.unmount();
  });

  it('Esc never quits; q and Ctrl+C do', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    await ui.press(KEY.escape);
    await ui.press(KEY.escape);
    expect(ui.exits).toBe(0);
    await ui.press('q');
    expect(ui.exits).toBe(1);
    // q is a normal exit; Ctrl+C is an interruption (exit code 130, see mount.tsx).
    expect(store.getState().interrupted).toBeFalsy();
    await ui.press(KEY.ctrlC);
    expect(ui.exits).toBe(2);
    expect(store.getState().interrupted).toBe(true);
    ui.unmount();
  });

  it('Ctrl+C quits even while typing, q does not', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    await ui.press('/', '/ ');
    await ui.type('q');
    expect(ui.exits).toBe(0);
    await ui.press(KEY.ctrlC);
    expect(ui.exits).toBe(1);
    ui.unmount();
  });

  it('warns in the header when the session token expires within 24 hours', async () => {
    const { store } = fakeStore();
    const soon = new Date(Date.now() + 3 * 3_600_000 + 60_000).toISOString();
    const list = tokens(3).map((t, i) => (i === 1 ? { ...t, name: 'work-cli', 'expires-at': soon } : t));
    store.dispatch({ type: 'tokens/loaded', items: list });
    store.dispatch({ type: 'session/token-id', tokenId: list[1]!.id });
    const ui = await drive(store);
    await ui.waitFor('⚠ session token expires in 3h');
    ui.unmount();
  });
});

describe('input that arrives in one read', () => {
  it('acts character by character: "/" opens the filter and the rest is typed into it', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    await ui.press('/token-2', /\/ token-2▏\s+11 of 30 tokens match/);
    await ui.press('9\r', /\/ token-29\s+1 of 30 tokens match/);
    await ui.press('q');
    expect(ui.exits).toBe(1);
    ui.unmount();
  });
});

describe('a token detail taller than the screen', () => {
  it('scrolls with ↓ so every permission can be read', async () => {
    const { PERMISSIONS } = await import('../../src/tokens');
    const { store } = fakeStore({}, {}, { columns: 80, rows: 16 });
    const all = tokens(1).map((t) => ({ ...t, permissions: { actions: PERMISSIONS.slice(1).map((p) => p.name) } }));
    store.dispatch({ type: 'tokens/loaded', items: all });
    const ui = await drive(store);
    ui.resize({ columns: 80, rows: 16 });
    await ui.press(KEY.enter, 'Token token-0');
    expect(ui.frame()).toContain('more lines (↓/j)');
    expect(ui.frame()).not.toContain('CabourotteDiscovery');
    for (let i = 0; i < 20; i++) await ui.press('j');
    await ui.waitFor('CabourotteDiscovery — the Cabourotte discovery endpoint');
    expect(ui.frame()).toContain('↑ top (↑/k)');
    expect(ui.frame().split('\n')).toHaveLength(15);
    ui.unmount();
  });
});

describe('relative times', () => {
  it('are redrawn while the UI sits idle', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let now = Date.parse('2026-11-28T12:00:00Z');
      const { store } = fakeStore();
      const list = tokens(1).map((t) => ({ ...t, 'expires-at': '2026-11-28T15:00:00Z' }));
      store.dispatch({ type: 'tokens/loaded', items: list });
      const ui = await drive(store, () => now);
      await ui.waitFor('! in 3h');
      now += 4 * 3_600_000;
      vi.advanceTimersByTime(30_000);
      await ui.waitFor('✗ expired 1h ago');
      ui.unmount();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('bracketed paste', () => {
  const paste = (text: string) => `\u001b[200~${text}\u001b[201~`;

  it('a paste in the list is set aside: no key of it acts, and the message says what to do', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    // d would ask to delete, p would open profiles, q would quit, n would start the wizard.
    await ui.press(paste('dpqn\r'), 'Paste ignored');
    expect(ui.frame()).toContain('press / and paste again');
    expect(store.getState().dialog).toBeUndefined();
    expect(store.getState().screens).toEqual(['list']);
    expect(ui.exits).toBe(0);
    // Keys typed afterwards act as keys again.
    await ui.press('j', '2/30');
    ui.unmount();
  });

  it('a paste in the filter is typed in on one line, even when it arrives in pieces', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    await ui.press('/', '/ ');
    await ui.press(paste('token-2\n'), '/ token-2');
    expect(store.getState().tokens).toMatchObject({ filter: 'token-2', filterEditing: true });
    await ui.press('\u001b[200~1');
    await ui.press('7\u001b[201~', '/ token-217');
    // Enter after the paste still closes the field: the pasted newline did not.
    await ui.press(KEY.enter);
    expect(store.getState().tokens.filterEditing).toBe(false);
    ui.unmount();
  });

  it('a paste never answers a dialog', async () => {
    const { store } = loadedStore();
    const ui = await drive(store);
    await ui.waitFor('30 tokens');
    await ui.press('d', 'Delete token');
    await ui.press(paste('y'), 'Paste ignored');
    expect(store.getState().dialog?.kind).toBe('confirm-delete');
    ui.unmount();
  });
});
