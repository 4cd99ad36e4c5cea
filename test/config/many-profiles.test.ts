// A config file with thousands of profiles (one per CI job, say) must cost
// time in proportion to its size: `profile use` took 15 s with 10,000, from
// a search per profile and yaml's pairwise duplicate-key check. Measured as
// a ratio, 10,000 profiles against 2,500, so a loaded machine slows both
// alike: linear is about 4, quadratic 16.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../src/config';
import { ConfigError } from '../../src/errors';
import { useTempDirs } from './temp-dir';

function manyProfiles(count: number): string {
  const lines = ['default-profile: p0', 'profiles:'];
  for (let i = 0; i < count; i++) lines.push(`  p${i}:`, '    organization-id: 5a062154-dc9f-11ed-9cd1-673503b45134', `    api-token: tok_${String(i).padStart(20, '0')}`);
  return `${lines.join('\n')}\n`;
}

describe('a config file with 10,000 profiles', () => {
  const tempDir = useTempDirs();

  async function timeUse(count: number): Promise<number> {
    const file = path.join(await tempDir(), 'appclacks.yaml');
    await writeFile(file, manyProfiles(count), { mode: 0o600 });
    const store = new ConfigStore(file);
    const started = performance.now();
    // What `profile use` does: read the file, then change its default under the lock.
    expect((await store.read()).profiles).toHaveLength(count);
    await store.setDefaultProfile(`p${count - 1}`);
    const elapsed = performance.now() - started;
    expect((await store.read()).defaultProfile).toBe(`p${count - 1}`);
    return elapsed;
  }

  it('reads and changes it in time linear in its size', async () => {
    await timeUse(500); // warm up the parser
    const small = Math.min(await timeUse(2_500), await timeUse(2_500));
    const large = await timeUse(10_000);
    expect(large / small).toBeLessThan(8);
  }, 120_000);

  // A change reads the file once for editing and checks only the new text
  // in full: a file whose shape is wrong must still be refused before any
  // change, or the change could drop what made it wrong.
  it.each([
    ['default-profile is a list', 'default-profile: [a]\nprofiles:\n  a:\n    organization-id: o\n    api-token: t\n'],
    ['the top level is a list', '- a\n- b\n'],
    ['profiles is a list', 'profiles: [a]\n'],
    ['profiles is an alias of a list', 'base: &b [a]\nprofiles: *b\n'],
  ])('a file whose %s is refused, and left as it was', async (_, text) => {
    const file = path.join(await tempDir(), 'appclacks.yaml');
    await writeFile(file, text, { mode: 0o600 });
    const store = new ConfigStore(file);
    await expect(store.setDefaultProfile('a')).rejects.toBeInstanceOf(ConfigError);
    await expect(store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' })).rejects.toBeInstanceOf(ConfigError);
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});
