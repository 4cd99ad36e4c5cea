// The token table shares the window as k9s does, in the real UI at three
// sizes: fixed columns take what they need, NAME and DESCRIPTION share the
// rest, the permissions' `+N` is never cut, and nothing is cut while room is
// left.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { displayWidth } from '../../src/text/terminal-width';
import type { CreatedToken } from '../helpers/server';
import { createWorld, type E2eWorld } from './support';

const LONG_NAME = 'production-eu-west-1-terraform-state-writer';
const LONG_DESCRIPTION = 'writes the terraform state bucket of the EU production account';

let world: E2eWorld;
let long: CreatedToken;

beforeAll(async () => {
  world = await createWorld();
  const admin = await world.addToken({ name: 'admin', ttl: '720h', permissions: ['*'] });
  long = await world.addToken({ name: LONG_NAME, description: LONG_DESCRIPTION, ttl: '720h', permissions: ['GetOrganization', 'ListAPITokens', 'GetAPIToken'] });
  await world.addToken({ name: 'ci', description: 'deploys', ttl: '72h', permissions: ['ListAPITokens'] });
  world.writeConfig([{ name: 'work', token: admin }]);
});
afterAll(async () => {
  await world?.close();
});

test('at 80x24, 100x30 and 200x50 the +2 stays, NAME and DESCRIPTION share the cut, and nothing is cut with room left', async () => {
  const ui = world.spawn({ args: ['tui'], cols: 80, rows: 24 });
  await ui.waitForText(/ · 1\/\d+/);
  let before = 0;
  for (const [cols, rows] of [[80, 24], [100, 30], [200, 50]] as const) {
    ui.resize(cols, rows);
    // Reflowed: the row is wider than at the size before, or whole.
    const reflowed = (line: string) => line.includes(long.id.slice(0, 8)) && displayWidth(line) <= cols && (displayWidth(line) > before || line.includes(LONG_DESCRIPTION));
    const screen = await ui.waitFor((s) => s.split('\n').some(reflowed), `the list at ${cols} columns`);
    before = cols;
    const lines = screen.split("\n");
    const row = lines.find((line) => line.includes(long.id.slice(0, 8)))!;
    const header = lines.find((line) => line.includes('NAME') && line.includes('DESCRIPTION'))!;
    for (const line of lines) expect(displayWidth(line), `${cols} columns:\n${screen}`).toBeLessThanOrEqual(cols);
    // The count says the token can do more than the name shown: never cut.
    expect(row, screen).toMatch(/Get\S* \+2 /);
    if (cols === 200) {
      // Room for everything: not a cell of the name or the description is cut.
      expect(row, screen).toContain(`${LONG_NAME} `);
      expect(row, screen).toContain(LONG_DESCRIPTION);
      expect(row, screen).not.toContain('…');
    } else {
      // Both cut: the row uses every cell, and the two share the cut (k9s), within a cell.
      expect(row, screen).toContain('…');
      expect(displayWidth(row), screen).toBe(cols);
      const nameWidth = header.indexOf(' ID ') - 2;
      const descriptionWidth = cols - header.indexOf('DESCRIPTION');
      // A name keeps 16 cells (NAME's min) before LAST USED is left out; above that the
      // wider of the two is cut first.
      if (nameWidth > 16) expect(Math.abs(nameWidth - descriptionWidth), screen).toBeLessThanOrEqual(1);
      else expect(nameWidth, screen).toBe(16);
    }
  }
  ui.press('q');
  expect((await ui.exited).exitCode).toBe(0);
});
