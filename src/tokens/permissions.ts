// The permission catalogue of docs/api.md. Both the server (authorisation) and the
// clients (validation, the wizard's descriptions) read this one table.
import { closestName } from '../text/suggest';

export const ALL = '*';

export interface PermissionInfo {
  name: string;
  allows: string;
}

export const PERMISSIONS: readonly PermissionInfo[] = [
  { name: '*', allows: 'every API call' },
  { name: 'GetOrganization', allows: 'reading your organization' },
  { name: 'ListAPITokens', allows: 'listing API tokens' },
  { name: 'GetAPIToken', allows: 'reading one API token' },
  { name: 'DeleteAPIToken', allows: 'deleting API tokens' },
  // The published docs say "reading one API token" here; it is a health check.
  { name: 'GetHealthcheck', allows: 'reading one health check' },
  { name: 'CreateHealthcheck', allows: 'creating health checks' },
  { name: 'DeleteHealthcheck', allows: 'deleting health checks' },
  { name: 'UpdateHealthcheck', allows: 'updating health checks' },
  { name: 'ListHealthchecks', allows: 'listing health checks' },
  { name: 'ListHealthchecksResults', allows: 'listing health check results' },
  { name: 'GetHealthchecksMetrics', allows: 'reading health check metrics (Prometheus format)' },
  { name: 'CabourotteDiscovery', allows: 'the Cabourotte discovery endpoint' },
];

export const PERMISSION_NAMES: readonly string[] = PERMISSIONS.map((p) => p.name);

const BY_NAME = new Map(PERMISSIONS.map((p) => [p.name, p]));

export function isPermission(name: string): boolean {
  return BY_NAME.has(name);
}

export function describePermission(name: string): string {
  return BY_NAME.get(name)?.allows ?? 'unknown permission';
}

/** True when `actions` grants `needed` (directly or through `*`). */
export function allows(actions: readonly string[], needed: string): boolean {
  return actions.includes(ALL) || actions.includes(needed);
}

/** The catalogue name closest to `input`, when it is close enough to be a slip. */
export function suggestPermission(input: string): string | undefined {
  return closestName(input, PERMISSION_NAMES.filter((name) => name !== ALL));
}

export type PermissionsResult = { ok: true; value: string[] } | { ok: false; error: string };

/**
 * Validates permission names as typed by a person: names are case-sensitive,
 * duplicates are dropped, and `*` (every call) excludes the others.
 */
export function validatePermissions(input: readonly string[]): PermissionsResult {
  const names = input.map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) return { ok: false, error: 'no permission given: use "*" for every call, or name actions such as ListAPITokens' };
  for (const name of names) {
    if (!isPermission(name)) {
      const suggestion = suggestPermission(name);
      return {
        ok: false,
        error: suggestion
          ? `unknown permission "${name}": did you mean "${suggestion}"?`
          : `unknown permission "${name}": known ones are ${PERMISSION_NAMES.join(', ')}`,
      };
    }
  }
  const unique = [...new Set(names)];
  if (unique.includes(ALL) && unique.length > 1) {
    return { ok: false, error: '"*" already allows every call: give "*" alone, or only named permissions' };
  }
  return { ok: true, value: unique };
}

/** `*` first, then catalogue order: how permission lists are shown. */
export function sortPermissions(names: readonly string[]): string[] {
  const order = (n: string) => {
    const i = PERMISSION_NAMES.indexOf(n);
    return i === -1 ? PERMISSION_NAMES.length : i;
  };
  return [...names].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}
