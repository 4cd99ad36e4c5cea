// The one rule for "the same email": the lock-out keys, the account lookup
// and the uniqueness of accounts all use emailKey, on both databases (each
// stores it in accounts.email_key, with a unique index). Only ASCII letters
// are folded: the local part is case-sensitive by RFC 5321, and Unicode case
// folding depends on the locale (Turkish I) and on the database's: with a
// UTF-8 locale, PostgreSQL's lower() folds KELVIN SIGN (U+212A) to `k` and
// `İ` (U+0130) to `i`, so lookalikes of one email found the same account
// while each had its own lock-out counter. `Ü@x.de` and `ü@x.de` are two
// accounts.

export const ASCII_UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ASCII_LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';

export function emailKey(email: string): string {
  return email.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
