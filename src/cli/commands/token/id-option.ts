import { UsageError } from '../../../errors';
import { flagString, type OptionSpec } from '../../command';

export const ID_OPTION: OptionSpec = { flags: '--id <id>', description: 'token ID (see `appclacks token list`)', mandatory: true };

export function tokenIdFrom(flags: Record<string, unknown>): string {
  const id = (flagString(flags, 'id') ?? '').trim();
  if (id === '') throw new UsageError('--id cannot be empty', { hint: '`appclacks token list` shows the IDs' });
  return id;
}
