import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/terminal-text';
import { displayWidth } from '../../src/terminal-width';

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

describe('displayWidth', () => {
  it('counts terminal columns: two for CJK and emoji', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('🚀')).toBe(2);
  });
});
