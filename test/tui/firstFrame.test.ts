// The frame runTui draws before ink loads (src/tui/firstFrame.ts).
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { applyNoColor, firstFrame } from '../../src/tui/firstFrame';
import { displayWidth } from '../../src/text/terminal-width';
import { SESSION } from '../state/fixtures';

const level = chalk.level;
afterEach(() => {
  chalk.level = level;
});

/** What the terminal shows: escape sequences removed, one string per row. */
const rows = (frame: string) =>
  frame
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .split('\r\n');

describe('the first frame, drawn before ink', () => {
  it('homes the cursor, hides it, and draws the header and a loading line', () => {
    chalk.level = 1;
    const frame = firstFrame(SESSION, { columns: 100, rows: 30 });
    expect(frame.startsWith('\u001b[?25l\u001b[H')).toBe(true);
    expect(rows(frame)).toEqual(['appclacks │ profile work │ org 5a062154… │ api.appclacks.com', '', 'Loading tokens from api.appclacks.com…']);
    // The lead in the accent colour, bold, as the Header component draws it.
    expect(frame).toContain(chalk.bold.cyan('appclacks │ '));
  });

  it('says whose credentials and which override, and never the token itself', () => {
    chalk.level = 1;
    const session = {
      ...SESSION,
      token: { value: SESSION.token!.value, source: { kind: 'env' as const, name: 'APPCLACKS_TOKEN' } },
      overriddenBy: ['APPCLACKS_TOKEN'],
    };
    const frame = firstFrame(session, { columns: 120, rows: 30 });
    expect(rows(frame)[0]).toBe('⚠ APPCLACKS_TOKEN overrides profile work │ profile work │ creds: env APPCLACKS_TOKEN │ org 5a062154… │ api.appclacks.com');
    expect(frame).toContain(chalk.bold.yellow('⚠ APPCLACKS_TOKEN overrides profile work │ '));
    expect(frame).not.toContain(SESSION.token!.value);
  });

  it('without credentials, only says it is loading', () => {
    const { organizationId: _o, token: _t, ...session } = SESSION;
    expect(rows(firstFrame(session, { columns: 80, rows: 24 }))[2]).toBe('Loading…');
  });

  it('fits a narrow terminal, cutting the header with …', () => {
    const frame = firstFrame(SESSION, { columns: 50, rows: 12 });
    const [header] = rows(frame);
    expect(displayWidth(header!)).toBeLessThanOrEqual(50);
    expect(header!.endsWith('…')).toBe(true);
  });

  it('draws nothing on a terminal too small for the UI, which ink then says', () => {
    expect(firstFrame(SESSION, { columns: 49, rows: 30 })).toBe('');
    expect(firstFrame(SESSION, { columns: 100, rows: 11 })).toBe('');
  });

  it('under NO_COLOR, writes no colour or bold at all', () => {
    applyNoColor({ NO_COLOR: '1' });
    const frame = firstFrame(SESSION, { columns: 100, rows: 30 });
    expect(frame.replace('\u001b[?25l\u001b[H', '')).not.toContain('\u001b');
  });
});
