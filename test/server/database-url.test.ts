// The PostgreSQL URL as the server prints it: no secret in any part of it.
import { describe, expect, it } from 'vitest';
import { redactedDatabaseUrl } from '../../src/server/storage/database-url';

describe('redactedDatabaseUrl', () => {
  it('masks the password in user:pass@', () => {
    expect(redactedDatabaseUrl('postgres://app:s3cret@db:5432/app')).toBe('postgres://app:***@db:5432/app');
  });

  it('masks ?password= and ?sslpassword=, in any case and however often, and keeps the other parameters', () => {
    const shown = redactedDatabaseUrl(
      'postgresql://app@db/app?sslmode=verify-full&password=s3cret&sslkey=/etc/k.pem&sslpassword=keypass&PASSWORD=again&password=twice',
    );
    expect(shown).not.toMatch(/s3cret|keypass|again|twice/);
    expect(shown).toBe('postgresql://app@db/app?sslmode=verify-full&password=***&sslkey=%2Fetc%2Fk.pem&sslpassword=***&PASSWORD=***');
  });

  it('masks percent-encoded passwords', () => {
    expect(redactedDatabaseUrl('postgres://app:p%40ss@db/app?password=p%26ss')).toBe('postgres://app:***@db/app?password=***');
  });

  it('a URL it cannot parse is not echoed', () => {
    expect(redactedDatabaseUrl('postgres://app:s3cret@db:99999999/app')).toBe('the PostgreSQL URL');
  });
});
