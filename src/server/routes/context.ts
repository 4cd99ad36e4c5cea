// What every route module receives from buildApp.
import type { Clock } from '../../tokens';
import type { PasswordAuthenticator, TokenAuthenticator } from '../auth';
import type { Storage } from '../storage/types';

export interface RouteContext {
  storage: Storage;
  clock: Clock;
  registration: boolean;
  passwords: PasswordAuthenticator;
  tokens: TokenAuthenticator;
}
