// Error text can come from the server, and a server may echo what it was sent
// (a bad token in "invalid token abc…"). Every string that reaches a message
// goes through here, so a credential we sent can never be shown or logged.

const MASK = '***';
const MAX_LENGTH = 300;

// Below this length a secret is masked only where it stands alone: masking
// every "t" of a message because a test token is "t" would make it unreadable,
// and a secret that short protects nothing anyway.
const SHORT_SECRET = 8;

/** Masks each secret we sent (longest first, so parts of a longer one leave no fragments). */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  const ordered = [...new Set(secrets)].filter((s) => s !== '').sort((a, b) => b.length - a.length);
  for (const secret of ordered) {
    result =
      secret.length >= SHORT_SECRET
        ? result.split(secret).join(MASK)
        : result.replace(new RegExp(`(?<!\\w)${escapeRegExp(secret)}(?!\\w)`, 'g'), MASK);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One line, bounded: terminals and logs show error messages as a single row. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
}

export function safeLine(text: string, secrets: readonly string[]): string {
  // Redact before truncating: a cut could otherwise leave a secret's prefix.
  return oneLine(redact(text, secrets));
}
