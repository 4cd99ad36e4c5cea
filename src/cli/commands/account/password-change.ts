import { ENV } from '../../../config/env';
import { flagBoolean, type CommandSpec, type OutputFormat } from '../../command';
import { passwordCredentials } from '../../credentials';
import type { CliDeps } from '../../deps';
import { messagesJson } from '../../output/json';
import { messageLines, printResult } from '../../output/print';
import { readNewPassword } from '../../passwords';

export interface PasswordChangeOptions {
  newPasswordStdin: boolean;
  output: OutputFormat;
}

const STDIN_FLAG = '--new-password-stdin';

export const command: CommandSpec<PasswordChangeOptions> = {
  path: ['account', 'password', 'change'],
  summary: "Change the account's password",
  options: [{ flags: STDIN_FLAG, description: 'read the new password from stdin instead of prompting' }],
  examples: [
    'appclacks account password change',
    `printf '%s' "$NEW_PASSWORD" | APPCLACKS_ACCOUNT_EMAIL=ada@example.com APPCLACKS_ACCOUNT_PASSWORD=... appclacks account password change ${STDIN_FLAG}`,
  ],
  parse: ({ flags, globals }) => ({ newPasswordStdin: flagBoolean(flags, 'newPasswordStdin'), output: globals.output }),
  run,
};

export async function run(options: PasswordChangeOptions, deps: CliDeps): Promise<void> {
  const account = await passwordCredentials(deps);
  const newPassword = await readNewPassword(deps, options.newPasswordStdin, STDIN_FLAG);
  const messages = await (await deps.api()).changePassword(account, newPassword);
  printResult(deps, options.output, messagesJson(messages), () => messageLines(messages, 'Password changed'));
  const ctx = await deps.context();
  if (ctx.password?.source.kind === 'env') {
    deps.warn(`${ENV.accountPassword} still holds the old password: update it where it is set`);
  }
}
