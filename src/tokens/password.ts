// Account passwords: 10 to 255 characters, one rule for the server's request
// schema and for the CLI, which checks before sending so a typo costs no
// request and no rate-limit strike.
//
// Characters are code points, not UTF-16 units: a person counting what they
// typed counts 🔑 or 𠀋 once, and the CLI says "it has N characters" in those
// terms. Counting UTF-16 units, as zod's .min/.max do, made a 9-character
// password with an emoji pass the server and fail the CLI.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 255;

/** Characters as a person counts them (code points). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Why a new password is refused, in the server's words, or undefined when it fits. */
export function passwordLengthProblem(password: string): string | undefined {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return undefined;
}
