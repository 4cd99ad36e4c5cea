import { describe, expect, it } from 'vitest';
import { appendField, eraseLast, MAX_FIELD_LENGTH, printable, typeProfileName } from '../../../src/state/slices/textField';

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
});
