// The one rule for "the same email", used by the lock-out keys and matching
// the database's uniqueness (SQLite's COLLATE NOCASE folds ASCII only).
// Emails that differ only in non-ASCII case (`Ü@x.de`, `ü@x.de`) are two
// accounts: the local part is case-sensitive by RFC 5321, and Unicode case
// folding depends on the locale (Turkish I), so only ASCII is folded.

export function emailKey(email: string): string {
  return email.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
