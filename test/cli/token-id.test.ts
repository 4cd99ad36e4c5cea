import { describe, expect, it } from 'vitest';
import { matchTokenId } from '../../src/cli/commands/token/id-option';
import { AppError } from '../../src/errors';

const tokens = [
  { id: '1c018980-0000-4000-8000-000000000001', name: 'ci' },
  { id: '1c018980-0000-4000-8000-000000000002', name: 'deploy' },
  { id: '2d000000-0000-4000-8000-000000000003', name: 'other' },
];

describe('matchTokenId', () => {
  it('finds the one token a prefix names, whatever its case', () => {
    expect(matchTokenId('2d000000', tokens)).toBe(tokens[2]!.id);
    expect(matchTokenId('1C018980-0000-4000-8000-000000000002', tokens)).toBe(tokens[1]!.id);
  });

  it('names every token an ambiguous prefix matches, as git and docker do', () => {
    expect(() => matchTokenId('1c018980', tokens)).toThrow(
      '--id "1c018980" matches 2 tokens: 1c018980-0000-4000-8000-000000000001 (ci), 1c018980-0000-4000-8000-000000000002 (deploy)',
    );
  });

  it('says no token starts with an unknown prefix (not found, exit 1)', () => {
    let error: unknown;
    try {
      matchTokenId('ffffffff', tokens);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('not-found');
    expect((error as AppError).message).toBe('no token ID starts with "ffffffff"');
  });

  it('shows at most five matches and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `abcdef01-0000-4000-8000-00000000000${i}`, name: `t${i}` }));
    expect(() => matchTokenId('abcdef01', many)).toThrow(/matches 8 tokens: .*\(t4\) and 3 more$/);
  });
});
