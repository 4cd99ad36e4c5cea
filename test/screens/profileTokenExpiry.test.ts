import { describe, expect, it } from 'vitest';
import { profileExpiryText } from '../../src/screens/ProfileTokenExpiry';
import { NOW } from '../state/fixtures';

describe('the profile picker expiry cell', () => {
  it('says the expiry in words with a glyph, refused when the token no longer works, nothing when unknown', () => {
    expect(profileExpiryText({ status: 'ok', id: 'x', expiresAt: '2027-01-07T12:00:00Z' }, NOW).text).toBe('✓ in 40d');
    expect(profileExpiryText({ status: 'ok', id: 'x', expiresAt: '2026-11-28T17:00:00Z' }, NOW).text).toBe('! in 5h');
    expect(profileExpiryText({ status: 'refused' }, NOW).text).toBe('✗ refused');
    expect(profileExpiryText({ status: 'loading' }, NOW).text).toBe('…');
    expect(profileExpiryText({ status: 'unknown' }, NOW).text).toBe('');
    expect(profileExpiryText(undefined, NOW).text).toBe('');
  });
});
