// Profile names become YAML keys and the official login's token name
// (`<profile>-cli`, at most 255 characters). The yaml writer quotes any key
// that needs it, so the only names refused are those a person could not type
// back on a command line or see in a table: empty, blank-containing, control
// characters, starting with "-" (`-p -x` and `profile use -x` read it as an
// option), or too long for the token name.
import { UsageError } from '../errors';

export const MAX_PROFILE_NAME_LENGTH = 255 - '-cli'.length;

/** Why `name` cannot be a profile name, or undefined when it can. */
export function profileNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a profile name cannot be empty';
  if (name.startsWith('-')) return 'a profile name cannot start with "-" (commands would read it as an option)';
  if (/[\s\p{Cc}\p{Zl}\p{Zp}]/u.test(name)) return 'a profile name cannot contain spaces, tabs, newlines or control characters';
  if (name.length > MAX_PROFILE_NAME_LENGTH) return `a profile name has at most ${MAX_PROFILE_NAME_LENGTH} characters`;
  return undefined;
}

export function assertProfileName(name: string): void {
  const problem = profileNameProblem(name);
  if (problem !== undefined) {
    throw new UsageError(`invalid profile name ${JSON.stringify(name)}: ${problem}`, {
      hint: 'use letters, digits and punctuation, e.g. work, acme-prod',
    });
  }
}
