// `token delete --expired`: clears out what a long-lived organization
// accumulates. Lists first, asks on a terminal, goes on past a failure so
// one bad token does not keep forty others, and says what failed.
import type { APIToken } from '../../../api/schemas';
import { ApiError, CancelledError, UsageError } from '../../../errors';
import { terminalSafe } from '../../../text/terminal-text';
import { withTokenAuth } from '../../credentials';
import type { CliDeps } from '../../deps';
import { renderJson } from '../../output/json';
import { tokenTable } from '../../output/resources';
import type { TokenDeleteExpiredOptions } from './delete';
import { filterTokens } from './list';

export interface DeleteExpiredResult {
  deleted: Array<{ id: string; name: string }>;
  failed: Array<{ id: string; name: string; error: string }>;
}

export async function runDeleteExpired(options: TokenDeleteExpiredOptions, deps: CliDeps): Promise<number> {
  return withTokenAuth(deps, async (api, credentials) => {
    const expired = filterTokens(await api.listTokens(credentials), { output: options.output, expired: true }, deps.clock());
    if (expired.length === 0) {
      if (options.output === 'json') deps.io.stdout.write(renderJson({ deleted: [], failed: [] } satisfies DeleteExpiredResult));
      deps.say('No expired tokens.');
      return 0;
    }
    deps.io.stderr.write(tokenTable(expired, deps.clock()));
    await confirm(expired, options, deps);

    const result: DeleteExpiredResult = { deleted: [], failed: [] };
    for (const token of expired) {
      try {
        await api.deleteToken(credentials, token.id);
        result.deleted.push({ id: token.id, name: token.name });
        if (options.output === 'table') deps.io.stdout.write(`deleted ${terminalSafe(`${token.id} ${token.name}`)}\n`);
      } catch (error) {
        // A refused token fails every delete alike: stop rather than repeat it forty times.
        if (error instanceof ApiError && error.kind === 'auth') throw error;
        const message = error instanceof Error ? error.message : String(error);
        result.failed.push({ id: token.id, name: token.name, error: message });
        if (options.output === 'table') deps.io.stdout.write(`failed  ${terminalSafe(`${token.id} ${token.name}: ${message}`)}\n`);
      }
    }
    if (options.output === 'json') deps.io.stdout.write(renderJson(result));
    const summary = `Deleted ${result.deleted.length} of ${expired.length} expired token${expired.length === 1 ? '' : 's'}`;
    deps.say(result.failed.length === 0 ? `${summary}.` : `${summary}; ${result.failed.length} failed.`);
    return result.failed.length === 0 ? 0 : 1;
  });
}

async function confirm(expired: readonly APIToken[], options: TokenDeleteExpiredOptions, deps: CliDeps): Promise<void> {
  if (options.yes) return;
  const what = `${expired.length} expired token${expired.length === 1 ? '' : 's'}`;
  if (!deps.io.stdinIsTTY) throw new UsageError(`deleting ${what} needs a confirmation and stdin is not a terminal`, { hint: 'pass --yes' });
  const sure = await deps.prompter.confirm({ message: `Delete ${what}?`, instead: 'pass --yes', default: false });
  if (!sure) throw new CancelledError('nothing deleted');
}
