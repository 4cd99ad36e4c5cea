// Every command of `appclacks`, in help order. A new command is one file and
// one line here; the program, its help and the completion scripts follow.
import type { AnyCommandSpec } from '../command';
import { command as accountOrganization } from './account/organization';
import { command as accountPasswordChange } from './account/password-change';
import { command as auditList } from './audit/list';
import { completeProfilesCommand, completionCommand } from './completion';
import { command as demo } from './demo';
import { command as login } from './login';
import { command as organizationCreate } from './organization/create';
import { command as profileCheck } from './profile/check';
import { command as profileCurrent } from './profile/current';
import { command as profileList } from './profile/list';
import { command as profileRemove } from './profile/remove';
import { command as profileRotate } from './profile/rotate';
import { command as profileUse } from './profile/use';
import { command as server } from './server';
import { command as serverMigrateDb } from './server-migrate-db';
import { command as tokenCreate } from './token/create';
import { command as tokenDelete } from './token/delete';
import { command as tokenGet } from './token/get';
import { command as tokenList } from './token/list';
import { command as tokenRotate } from './token/rotate';
import { command as tui } from './tui';

/** Summaries of the words that only group commands. */
export const GROUPS: Readonly<Record<string, string>> = {
  account: 'Your account: its organization and password (password auth)',
  'account password': "The account's password",
  organization: 'Register an organization',
  audit: "The organization's audit trail (appclacks server extension)",
  token: 'Create, list, show, rotate and delete API tokens',
  profile: 'Profiles of the config file: list, show what is in use, switch, remove, check and rotate their tokens',
};

export const COMMANDS: readonly AnyCommandSpec[] = [
  login,
  accountOrganization,
  accountPasswordChange,
  organizationCreate,
  tokenCreate,
  tokenList,
  tokenGet,
  tokenDelete,
  tokenRotate,
  auditList,
  profileList,
  profileCurrent,
  profileUse,
  profileRemove,
  profileCheck,
  profileRotate,
  tui,
  server,
  serverMigrateDb,
  demo,
  completionCommand(() => COMMANDS, GROUPS),
  completeProfilesCommand,
];
