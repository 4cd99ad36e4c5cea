// What every route module receives from buildApp.
import type { Clock } from '../../tokens';
import type { AuditTrail } from '../audit/trail';
import type { PasswordAuthenticator, TokenAuthenticator } from '../auth';
import type { RegistrationLimiter } from '../registration-limit';
import type { Storage } from '../storage/types';

export interface RouteContext {
  storage: Storage;
  clock: Clock;
  registration: boolean;
  /** This server's additions to the API (README, "Extensions"); off only to test clients against the official surface. */
  extensions: boolean;
  passwords: PasswordAuthenticator;
  tokens: TokenAuthenticator;
  /** Builds the event each change is written with; none when extensions are off. */
  audit: AuditTrail;
  registrations: RegistrationLimiter;
}
