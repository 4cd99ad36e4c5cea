// The frame drawn before ink has loaded: the header and a "loading" line,
// written as plain escape sequences the moment the UI knows who the session
// is. Loading ink, react and the screens takes most of the UI's start-up
// (150-250 ms on a 2-core machine); without this the terminal shows nothing
// for that long, or the shell's last screen over a slow link.
//
// ink's first frame replaces it whole: mount.tsx clears the screen in the
// same write as that frame (withFrameCursorFix's clearFirstFrame), inside
// ink's synchronized update, so nothing flashes between the two.
import chalk from 'chalk';
import type { Env } from '../config/types';
import { ENV, envValue } from '../config/env';
import { isTooSmall } from '../state/layout';
import type { SessionInput, Size } from '../state/types';
import { fit } from '../text/terminal-width';
import { endpointHost } from '../ui/format';
import { headerText } from '../ui/header';
import { theme } from '../ui/theme';

const CURSOR_HOME = '\u001b[H';
/** ink hides it too, from its first frame; restoring the terminal shows it again. */
const HIDE_CURSOR = '\u001b[?25l';

/**
 * chalk ignores NO_COLOR; ink draws with this same chalk (docs/terminal.md §11),
 * so setting it here, before the first frame, holds for every frame after.
 */
export function applyNoColor(env: Env): void {
  if (envValue(env, ENV.noColor) !== undefined) chalk.level = 0;
}

/**
 * The bytes of the first frame, for a terminal already on the alternate
 * screen; empty when the terminal is too small (ink then says so itself).
 */
export function firstFrame(session: SessionInput, size: Size): string {
  if (isTooSmall(size)) return '';
  const { lead, rest } = headerText(session, undefined, 0);
  const line = fit(lead.text + rest, size.columns);
  const leadPart = line.slice(0, lead.text.length);
  const header = chalk.bold[lead.warning ? theme.warning : theme.accent](leadPart) + line.slice(leadPart.length);
  const loading = session.organizationId && session.token ? `Loading tokens from ${endpointHost(session.endpoint.value)}…` : 'Loading…';
  return `${HIDE_CURSOR}${CURSOR_HOME}${header}\r\n\r\n${chalk.dim(fit(loading, size.columns))}`;
}
