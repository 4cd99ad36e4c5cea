import { describe, expect, it } from 'vitest';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../src/server/passwords';
import { generateTokenSecret, hashTokenSecret, looksLikeTokenSecret, sameHash, TOKEN_PREFIX } from '../../src/server/secrets';

describe('token secrets', () => {
  it('carry the apc_ prefix, 49 base62 characters and a checksum that verifies', () => {
    const secrets = new Set(Array.from({ length: 200 }, generateTokenSecret));
    expect(secrets.size).toBe(200);
    for (const secret of secrets) {
      expect(secret.startsWith(TOKEN_PREFIX)).toBe(true);
      expect(secret).toMatch(/^apc_[0-9A-Za-z]{49}$/);
      expect(looksLikeTokenSecret(secret)).toBe(true);
    }
  });

  it('are recognised as fake when one character changes, so scanners skip look-alikes', () => {
    const secret = generateTokenSecret();
    const flipped = secret.slice(0, 10) + (secret[10] === 'a' ? 'b' : 'a') + secret.slice(11);
    expect(looksLikeTokenSecret(flipped)).toBe(false);
    expect(looksLikeTokenSecret(secret.slice(0, -1))).toBe(false);
    expect(looksLikeTokenSecret(`xyz_${secret.slice(4)}`)).toBe(false);
  });

  it('hash to SHA-256 hex, compared in constant time', () => {
    const secret = generateTokenSecret();
    const hash = hashTokenSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(hash, hashTokenSecret(secret))).toBe(true);
    expect(sameHash(hash, hashTokenSecret(generateTokenSecret()))).toBe(false);
    expect(sameHash(hash, 'abc')).toBe(false);
  });
});

describe('passwords', () => {
  it('hash with scrypt and a random salt, and verify only the right password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'not-a-hash')).toBe(false);
  });

  it('treat composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait!');
    expect(await verifyPassword('cafe\u0301 au lait!', stored)).toBe(true);
  });

  it('have a decoy hash that no password is likely to match', async () => {
    expect(await verifyPassword('', await decoyPasswordHash())).toBe(false);
  });
});
