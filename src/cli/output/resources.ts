// The official CLI's tables for the API objects, column names and order kept
// so people and scripts that read them carry over.
import type { APIToken, Organization } from '../../api/schemas';
import { formatList, renderTable } from './table';
import { formatExpiresAt } from './time';

/**
 * On a terminal, Description is cut first, then Name, as gh cuts its tables;
 * a long permission list last (to its header's width). ID and times stay whole.
 */
const TOKEN_TABLE_SHRINK = { 1: { yields: 2, min: 10 }, 3: { yields: 3, min: 11 }, 4: { yields: 1, min: 11 } } as const;

/**
 * `extra` columns go after the official ones, so scripts that cut the
 * official columns by position keep working (token list's LAST USED).
 * `width`: the terminal's, to fit it; without it every value is whole.
 */
export function tokenTable(
  tokens: readonly APIToken[],
  nowMs: number,
  extra: ReadonlyArray<{ header: string; cell: (token: APIToken) => string }> = [],
  width?: number,
): string {
  return renderTable(
    ['ID', 'Name', 'Expires at', 'Description', 'Permissions', ...extra.map((column) => column.header)],
    tokens.map((t) => [
      t.id,
      t.name,
      formatExpiresAt(t['expires-at'], nowMs),
      t.description ?? '',
      formatList(t.permissions.actions),
      ...extra.map((column) => column.cell(t)),
    ]),
    width === undefined ? undefined : { width, shrink: TOKEN_TABLE_SHRINK },
  );
}

/** The answer to a create: the only table that carries the secret. */
export function createdTokenTable(token: APIToken, nowMs: number): string {
  return renderTable(
    ['ID', 'Name', 'Token', 'Expires at', 'Description', 'Permissions'],
    [[token.id, token.name, token.token ?? '', formatExpiresAt(token['expires-at'], nowMs), token.description ?? '', formatList(token.permissions.actions)]],
  );
}

export function organizationTable(organization: Organization): string {
  return renderTable(['ID', 'Name', 'Description'], [[organization.id, organization.name, organization.description ?? '']]);
}
