import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacter, terminalSafe, withoutUnsafeCharacters } from '../../src/text/terminal-text';
import { displayWidth } from '../../src/text/terminal-width';

describe('terminalSafe', () => {
  it('shows C0 controls and DEL in caret notation, so nothing reaches the terminal as an instruction', () => {
    expect(terminalSafe('a\u001b[31mb\u0007c\nd\te\u0000f\u007f')).toBe('a^[[31mb^Gc^Jd^Ie^@f^?');
  });

  it('replaces C1 controls and bidirectional overrides', () => {
    expect(terminalSafe('x\u009b2Jy\u202egnp.exe\u2066z')).toBe('x\ufffd2Jy\ufffdgnp.exe\ufffdz');
  });

  it('leaves ordinary text, accents, CJK and emoji alone', () => {
    const text = 'ci-deploy Ünïcødé 日本語 🚀';
    expect(terminalSafe(text)).toBe(text);
  });
});

describe('hasUnsafeCharacter and withoutUnsafeCharacters: one rule for the server, the CLI and the UI', () => {
  it('finds and drops C0, DEL, C1 and bidirectional overrides, and nothing else', () => {
    for (const bad of ['\u0000', '\n', '\u001b', '\u007f', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069']) {
      expect(hasUnsafeCharacter(`ci${bad}x`)).toBe(true);
    }
    expect(hasUnsafeCharacter('ci-deploy Ünïcødé 日本語 🚀 👨‍👩‍👧')).toBe(false);
    expect(withoutUnsafeCharacters('a\u001b[31mb\n\u009bc\u202egnp.exe\u2066d')).toBe('a[31mbcgnp.exed');
  });
});

describe('displayWidth', () => {
  it('counts terminal columns: two for CJK and emoji', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('🚀')).toBe(2);
  });
});
