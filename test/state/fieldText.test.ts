import { describe, expect, it } from 'vitest';
import { appendField, eraseLast, fieldText, MAX_FIELD_LENGTH, printable, typeProfileName } from '../../src/state/fieldText';

describe('text editing', () => {
  it('keeps a paste\'s characters and drops its control codes', () => {
    expect(printable('a\u0007b\u001b[2Jc\u007f')).toBe('ab[2Jc');
  });

  it('caps a field at MAX_FIELD_LENGTH, and erases one character at a time', () => {
    expect(appendField('x'.repeat(MAX_FIELD_LENGTH - 1), 'yz')).toHaveLength(MAX_FIELD_LENGTH);
    expect(eraseLast('ab')).toBe('a');
    expect(eraseLast('')).toBe('');
  });

  it('refuses, with a reason, what a profile name cannot hold, and keeps the rest', () => {
    expect(typeProfileName('', 'a b')).toMatchObject({ value: 'ab', refused: { kind: 'error', hint: 'use - or _ between words' } });
    expect(typeProfileName('', '-a').refused?.text).toMatch(/^"-" not typed/);
    expect(typeProfileName('ok', '-1')).toEqual({ value: 'ok-1' });
  });

  it('makes a whole reported value one safe line: breaks become a space, unsafe characters go, the cap holds', () => {
    expect(fieldText('one\r\ntwo\tthree\n')).toBe('one two three');
    // C1 controls and bidirectional overrides are as unsafe as C0 ones (terminal-text.ts).
    expect(fieldText('a\u009bb\u202ec\u2066d\u001b[2J')).toBe('abcd[2J');
    expect(fieldText('x'.repeat(MAX_FIELD_LENGTH + 9))).toHaveLength(MAX_FIELD_LENGTH);
    expect(printable('r\u202eevil')).toBe('revil');
  });
});
