import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, hasUnsafeCharacter, jsonTerminalSafe, looksBlank, terminalSafe, terminalSafeDeep, withoutUnsafeCharacters } from '../../src/text/terminal-text';
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

  it('replaces line and paragraph separators, which would break a row, and changes nothing more when applied twice', () => {
    const once = terminalSafe('a\u2028b\u2029c\u001b]0;t\u0007');
    expect(once).toBe('a\ufffdb\ufffdc^[]0;t^G');
    expect(terminalSafe(once)).toBe(once);
  });
});

describe('terminalSafeDeep: an API answer made safe for the UI', () => {
  it('makes every string safe, in nested objects and arrays, and keeps numbers, null and keys', () => {
    const answer = { id: 'i\u001b', n: 3, none: null, permissions: { actions: ['A\u009b', 'B'] }, 'x\u001b': 'k' };
    expect(terminalSafeDeep(answer)).toEqual({ id: 'i^[', n: 3, none: null, permissions: { actions: ['A\ufffd', 'B'] }, 'x\u001b': 'k' });
    expect(answer.id).toBe('i\u001b');
  });

  it('returns a clean answer itself, not a copy', () => {
    const answer = { result: [{ id: 'a', permissions: { actions: ['*'] } }] };
    expect(terminalSafeDeep(answer)).toBe(answer);
  });
});

describe('jsonTerminalSafe: -o json that a terminal cannot act on, with the same data', () => {
  it('escapes DEL, C1, bidirectional controls and separators, which JSON.stringify leaves raw', () => {
    const value = { name: 'a\u007f\u009b2J\u202e\u2066\u2028\u001b' };
    const text = jsonTerminalSafe(JSON.stringify(value));
    expect(text).toBe('{"name":"a\\u007f\\u009b2J\\u202e\\u2066\\u2028\\u001b"}');
    expect(JSON.parse(text)).toEqual(value);
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

describe('looksBlank: names that draw nothing, for the server, token create and the wizard', () => {
  it('is true for spaces and for characters with no glyph, alone or mixed', () => {
    for (const blank of ['', ' \u00a0\u3000', '\u200b\ufeff', '\u3164', '\u2800', '\u115f', '\u1160', '\u17b4', '\u17b5', '\u034f', '\u{e0020}', '\u{e0001}\u{e007f}', '\ufe0f', '\uffa0', '\u3164 \u2800']) {
      expect(looksBlank(blank), JSON.stringify(blank)).toBe(true);
    }
  });

  it('is false as soon as one character shows', () => {
    for (const shown of ['a', '\u3164a', '日本', '🚀', '\u2801', 'x\u{e0020}']) expect(looksBlank(shown), JSON.stringify(shown)).toBe(false);
  });
});

describe('hasLoneSurrogate', () => {
  it('finds half a surrogate pair anywhere, and not a whole one', () => {
    for (const lone of ['\ud800', 'a\udc00', '\ud83d', '\ude80x', '🚀\ud800']) expect(hasLoneSurrogate(lone), JSON.stringify(lone)).toBe(true);
    for (const whole of ['', 'abc', '🚀', '\ud83d\ude80', '𠀋']) expect(hasLoneSurrogate(whole), JSON.stringify(whole)).toBe(false);
  });
});

describe('displayWidth', () => {
  it('counts terminal columns: two for CJK and emoji', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('🚀')).toBe(2);
  });
});
