import { describe, expect, it } from 'vitest';
import { passwordLength, passwordLengthProblem } from '../../src/tokens';

describe('passwordLengthProblem: 10 to 255 characters, counted as code points', () => {
  it('accepts 10 and 255 characters, refuses 9 and 256', () => {
    expect(passwordLengthProblem('a'.repeat(10))).toBeUndefined();
    expect(passwordLengthProblem('a'.repeat(255))).toBeUndefined();
    expect(passwordLengthProblem('a'.repeat(9))).toBe('must be at least 10 characters');
    expect(passwordLengthProblem('a'.repeat(256))).toBe('must be at most 255 characters');
  });

  it('counts an emoji or a supplementary CJK character once, not as two UTF-16 units', () => {
    expect(passwordLength('🔑𠀋')).toBe(2);
    expect(passwordLengthProblem('🔑'.repeat(9))).toBe('must be at least 10 characters');
    expect(passwordLengthProblem('🔑'.repeat(255))).toBeUndefined();
  });
});
