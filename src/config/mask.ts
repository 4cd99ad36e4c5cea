/** How a secret is shown when none of it may be. */
export const MASK = '••••';
const VISIBLE = 4;

/**
 * A token for display: only its last four characters, so people can tell
 * tokens apart without revealing them. A token of eight characters or fewer
 * shows nothing, since four characters would be half the secret.
 */
export function maskToken(token: string): string {
  if (token.length <= 2 * VISIBLE) return MASK;
  return `${MASK}${token.slice(-VISIBLE)}`;
}
