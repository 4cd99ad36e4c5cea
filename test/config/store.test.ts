import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigStore, parseConfigText } from '../../src/config';
import { ConfigError, UsageError } from '../../src/errors';
import { useTempDirs } from './temp-dir';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const HAND_WRITTEN = [
  '# my profiles',
  'default-profile: a',
  'profiles:',
  '  a:',
  '    organization-id: org-a # the first one',
  '    api-token: token-a',
  'colour: blue',
  '',
].join('\n');

function runFixture(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(FIXTURES, script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string; signal?: NodeJS.Signals }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve(signal === null ? { code, stderr } : { code, stderr, signal })),
  );
}

describe('ConfigStore', () => {
  const tempDir = useTempDirs();

  async function storeIn(content?: string): Promise<{ store: ConfigStore; file: string; dir: string }> {
    const dir = path.join(await tempDir(), 'appclacks');
    const file = path.join(dir, 'appclacks.yaml');
    if (content !== undefined) {
      await mkdir(dir, { recursive: true });
      await writeFile(file, content, { mode: 0o644 });
    }
    return { store: new ConfigStore(file), file, dir };
  }

  it('reads a missing file as an empty config and does not create it', async () => {
    const { store, dir } = await storeIn();
    expect(await store.read()).toEqual({ profiles: [] });
    expect(await store.listProfiles()).toEqual([]);
    await expect(stat(dir)).rejects.toThrow();
  });

  it('reads an empty file, without loading the parser, as the parser reads no text', async () => {
    const { store, file } = await storeIn('');
    expect(await store.read()).toEqual(parseConfigText('', file).data);
  });

  it('writes to a file holding an incomplete profile without dropping it, and can make it the default', async () => {
    const broken = 'profiles:\n  a:\n    organization-id: org-a\n    api-token: token-a\n  half:\n    api-token: [not, text]\n';
    const { store, file } = await storeIn(broken);
    await store.upsertProfile({ name: 'b', organizationId: 'org-b', apiToken: 'token-b' }, { makeDefault: 'if-unset' });
    await store.setDefaultProfile('half');
    expect(await readFile(file, 'utf8')).toBe(`default-profile: half\n${broken}  b:\n    organization-id: org-b\n    api-token: token-b\n`);
    expect((await store.getProfile('half'))?.problems).toEqual([
      { key: 'organization-id', problem: 'missing', line: 6 },
      { key: 'api-token', problem: 'a list, not a string', line: 7 },
    ]);
  });

  it('creates the directory 0700 and the file 0600', async () => {
    const { store, file, dir } = await storeIn();
    await store.upsertProfile({ name: 'a', organizationId: 'o', apiToken: 't' });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('tightens an existing 0644 file to 0600 on write', async () => {
    const { store, file } = await storeIn(HAND_WRITTEN);
    await store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps comments, key order and unknown keys through a write', async () => {
    const { store, file } = await storeIn(HAND_WRITTEN);
    await store.upsertProfile({ name: 'b', organizationId: 'org-b', apiToken: 'token-b' });
    expect(await readFile(file, 'utf8')).toBe(`${HAND_WRITTEN.replace('colour: blue\n', '')}  b:\n    organization-id: org-b\n    api-token: token-b\ncolour: blue\n`);
  });

  it('login-style upsert makes the first profile the default, not later ones', async () => {
    const { store } = await storeIn();
    expect(await store.upsertProfile({ name: 'a', organizationId: 'o', apiToken: 't' }, { makeDefault: 'if-unset' })).toEqual({
      action: 'created',
      madeDefault: true,
    });
    expect(await store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' }, { makeDefault: 'if-unset' })).toEqual({
      action: 'created',
      madeDefault: false,
    });
    expect(await store.upsertProfile({ name: 'a', organizationId: 'o2', apiToken: 't2' })).toEqual({ action: 'updated', madeDefault: false });
    const data = await store.read();
    expect(data.defaultProfile).toBe('a');
    expect(data.profiles).toEqual([
      { name: 'a', organizationId: 'o2', apiToken: 't2' },
      { name: 'b', organizationId: 'o', apiToken: 't' },
    ]);
  });

  it('sets the default, and refuses an unknown one listing the known names', async () => {
    const { store } = await storeIn(HAND_WRITTEN);
    await store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' });
    await store.setDefaultProfile('b');
    expect((await store.read()).defaultProfile).toBe('b');
    const attempt = store.setDefaultProfile('c');
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(store.setDefaultProfile('c')).rejects.toThrow('known profiles: a, b');
    expect(await store.getProfile('b')).toEqual({ name: 'b', organizationId: 'o', apiToken: 't' });
  });

  it('removing the default profile clears the default and keeps the other profiles', async () => {
    const { store } = await storeIn(HAND_WRITTEN);
    await store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' });
    expect(await store.removeProfile('a')).toEqual({ clearedDefault: true });
    expect(await store.read()).toEqual({ profiles: [{ name: 'b', organizationId: 'o', apiToken: 't' }] });
    await expect(store.removeProfile('a')).rejects.toThrow(UsageError);
  });

  it('does not write when nothing changed', async () => {
    const { store, file } = await storeIn(HAND_WRITTEN);
    const before = (await stat(file)).mtimeMs;
    await store.update((doc) => doc.data());
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    expect((await stat(file)).mtimeMs).toBe(before);
  });

  it('refuses to write over a file it cannot parse', async () => {
    const { store, file } = await storeIn('profiles: [\n');
    await expect(store.upsertProfile({ name: 'a', organizationId: 'o', apiToken: 't' })).rejects.toThrow(ConfigError);
    expect(await readFile(file, 'utf8')).toBe('profiles: [\n');
  });

  it('leaves the old file intact and no temp file when the rename fails', async () => {
    const { file, dir } = await storeIn(HAND_WRITTEN);
    const store = new ConfigStore(file, {
      writeSteps: {
        rename: async () => {
          throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
        },
      },
    });
    const attempt = store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/cannot write .*appclacks\.yaml: EIO/);
    expect(await readFile(file, 'utf8')).toBe(HAND_WRITTEN);
    expect(await readdir(dir)).toEqual(['appclacks.yaml']);
  });

  it('leaves the old file intact when writing the temp file fails half-way', async () => {
    const { file, dir } = await storeIn(HAND_WRITTEN);
    const store = new ConfigStore(file, {
      writeSteps: {
        async writeTemp(tempPath, content) {
          await writeFile(tempPath, content.slice(0, 10));
          throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        },
      },
    });
    await expect(store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' })).rejects.toThrow(/: ENOSPC; the file was left as it was$/);
    expect(await readFile(file, 'utf8')).toBe(HAND_WRITTEN);
    expect(await readdir(dir)).toEqual(['appclacks.yaml']);
    // and the lock was released: the next writer gets in at once
    await new ConfigStore(file, { lockWaitMs: 100 }).upsertProfile({ name: 'c', organizationId: 'o', apiToken: 't' });
    expect((await new ConfigStore(file).listProfiles()).map((p) => p.name)).toEqual(['a', 'c']);
  });

  it('survives a writer killed mid-write: old file intact, stale lock taken over, orphan removed', { timeout: 60_000 }, async () => {
    const { file, dir } = await storeIn(HAND_WRITTEN);
    const child = runFixture('hang-mid-write.ts', [file]);
    const exited = exitOf(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('half-written')) resolve();
      });
      child.on('close', (code) => reject(new Error(`fixture exited early (${code}): ${out}`)));
    });
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');

    expect(await readFile(file, 'utf8')).toBe(HAND_WRITTEN);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    expect(await readdir(dir)).toContain('appclacks.yaml.lock');

    const store = new ConfigStore(file, { staleLockMs: 2000 });
    await store.upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' });
    expect((await store.listProfiles()).map((p) => p.name)).toEqual(['a', 'b']);
    expect((await readdir(dir)).sort()).toEqual(['appclacks.yaml']);
  });

  it('a second writer waits for the lock instead of failing', async () => {
    const { store, file } = await storeIn(HAND_WRITTEN);
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstEntered!: () => void;
    const entered = new Promise<void>((resolve) => (firstEntered = resolve));
    const first = store.update(async (doc) => {
      firstEntered();
      await firstHolds;
      doc.upsertProfile({ name: 'first', organizationId: 'o', apiToken: 't' });
    });
    await entered;
    const second = new ConfigStore(file).upsertProfile({ name: 'second', organizationId: 'o', apiToken: 't' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await Promise.all([first, second]);
    expect((await store.listProfiles()).map((p) => p.name)).toEqual(['a', 'first', 'second']);
  });

  it('gives up with a ConfigError naming the lock when another writer holds it too long', async () => {
    const { store, file } = await storeIn(HAND_WRITTEN);
    let release!: () => void;
    const holding = store.update(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const impatient = new ConfigStore(file, { lockWaitMs: 200 });
    await expect(impatient.setDefaultProfile('a')).rejects.toThrow(/another process is changing .*appclacks\.yaml/);
    release();
    await holding;
  });

  it('updates the target of a symlinked config and keeps the link', async () => {
    const root = await tempDir();
    const real = path.join(root, 'dotfiles', 'appclacks.yaml');
    await mkdir(path.dirname(real), { recursive: true });
    await writeFile(real, HAND_WRITTEN);
    const link = path.join(root, 'config', 'appclacks.yaml');
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(real, link);
    await new ConfigStore(link).upsertProfile({ name: 'b', organizationId: 'o', apiToken: 't' });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toContain('  b:\n');
  });

  it('eight writer processes at once lose no profile', { timeout: 90_000 }, async () => {
    const { file } = await storeIn(HAND_WRITTEN);
    const startFile = path.join(path.dirname(file), '..', 'start');
    const names = Array.from({ length: 8 }, (_, index) => `writer-${index}`);
    const runs = names.map((name) => exitOf(runFixture('upsert-profile.ts', [file, name, startFile])));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(startFile, '');
    const results = await Promise.all(runs);
    for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });

    const data = await new ConfigStore(file).read();
    expect(data.profiles.map((p) => p.name).sort()).toEqual(['a', ...names].sort());
    for (const name of names) {
      expect(data.profiles.find((p) => p.name === name)).toEqual({ name, organizationId: `org-${name}`, apiToken: `token-${name}` });
    }
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# my profiles\ndefault-profile: a\n')).toBe(true);
    expect(text).toContain('colour: blue');
  });
});
