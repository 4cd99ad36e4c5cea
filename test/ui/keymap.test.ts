import { describe, expect, it } from 'vitest';
import { osc52 } from '../../src/state/osc52';
import { helpGrid } from '../../src/state/layout';
import { KEYMAP, bindingsFor, helpEntryWidths } from '../../src/ui/keymap';
import type { KeyContext } from '../../src/ui/keyContext';

describe('the keymap table', () => {
  it('has the keys of UX.md on the list screen', () => {
    const keys = bindingsFor('list').map((b) => b.keys);
    for (const key of ['↑/k', '↓/j', 'PgUp', 'PgDn', 'Home/g', 'End/G', 'Enter', 'Esc', 'q', 'Ctrl+C', '?', '/', 'n', 'd/Del', 'r', 'p']) {
      expect(keys).toContain(key);
    }
  });

  it('fits every key of every screen in the help overlay of an 80x24 terminal', () => {
    for (const context of new Set(KEYMAP.flatMap((b) => b.contexts))) {
      const bindings = bindingsFor(context);
      expect({ context, shown: helpGrid(bindings.length, helpEntryWidths(bindings).entry, { columns: 80, rows: 24 }).shown }).toEqual({ context, shown: bindings.length });
    }
  });

  it('binds Ctrl+C in every context, q in none where people type', () => {
    const typing: KeyContext[] = ['filter', 'login', 'wizard-text', 'wizard-custom', 'wizard-save'];
    const contexts = new Set(KEYMAP.flatMap((b) => b.contexts));
    for (const context of contexts) expect(bindingsFor(context).some((b) => b.keys === 'Ctrl+C')).toBe(true);
    for (const context of typing) expect(bindingsFor(context).some((b) => b.keys === 'q')).toBe(false);
  });

  it('gives every binding a label, and no context two bindings with the same keys', () => {
    for (const binding of KEYMAP) expect(binding.label).not.toBe('');
    const contexts = new Set(KEYMAP.flatMap((b) => b.contexts));
    for (const context of contexts) {
      const keys = bindingsFor(context).map((b) => b.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('only lets quit keys work when the terminal is too small', () => {
    expect(bindingsFor('too-small').map((b) => b.keys).sort()).toEqual(['Ctrl+C', 'q']);
  });
});

describe('OSC 52 copy', () => {
  it('writes the base64 text for the terminal', () => {
    expect(osc52('abc', {})).toBe('\u001b]52;c;YWJj\u0007');
  });

  it('wraps for tmux passthrough with inner ESCs doubled when TMUX is set', () => {
    expect(osc52('abc', { TMUX: '/tmp/tmux-0/default,1,0' })).toBe('\u001bPtmux;\u001b\u001b]52;c;YWJj\u0007\u001b\\');
  });
});

describe('the footer', () => {
  it('lists every key of the context, the most used first', async () => {
    const { footerBindings } = await import('../../src/ui/keymap');
    const keys = footerBindings('list').map((b) => b.keys);
    expect(keys.slice(0, 3)).toEqual(['q', '↑/k', '↓/j']);
    expect(keys.at(-1)).toBe('Ctrl+C');
    expect(new Set(keys)).toEqual(new Set(bindingsFor('list').map((b) => b.keys)));
  });
});
