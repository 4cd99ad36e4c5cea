// A config file others can read leaks its tokens; a directory others can
// write lets them replace the file (and its endpoint). Like ssh, each loose
// mode is one warning line with the command that fixes it.
import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_CREDENTIALS } from '../api/fixtures';
import { createSandbox, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

let sandbox: Sandbox;

beforeEach(() => {
  sandbox = createSandbox('http://127.0.0.1:9');
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: TOKEN_CREDENTIALS.organizationId, apiToken: TOKEN_CREDENTIALS.token }], 'work');
});
afterEach(() => sandbox.remove());

const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warning:'));

describe('loose modes of the config file and its directory', () => {
  it('a 0644 file and a 0777 directory: one line each, naming the fix', async () => {
    chmodSync(sandbox.configPath, 0o644);
    chmodSync(path.dirname(sandbox.configPath), 0o777);
    const result = await sandbox.run(['profile', 'list']);
    expect(result.code, result.stderr).toBe(0);
    expect(warnings(result.stderr)).toEqual([
      'warning: ~/config/appclacks/appclacks.yaml is open to other users (mode 0644) and holds API tokens: run `chmod 600 ~/config/appclacks/appclacks.yaml`',
      'warning: ~/config/appclacks is writable by other users (mode 0777), who could replace the config file: run `chmod 700 ~/config/appclacks`',
    ]);
  });

  it('no warning for 0600 in 0700, nor for 0600 in a 0755 directory (readable, not writable, by others)', async () => {
    chmodSync(path.dirname(sandbox.configPath), 0o700);
    expect(warnings((await sandbox.run(['profile', 'list'])).stderr)).toEqual([]);
    chmodSync(path.dirname(sandbox.configPath), 0o755);
    expect(warnings((await sandbox.run(['profile', 'list'])).stderr)).toEqual([]);
  });

  it('a change to the file tightens it to 0600, and the warning goes', async () => {
    chmodSync(sandbox.configPath, 0o644);
    const result = await sandbox.run(['profile', 'use', 'work']);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(sandbox.configPath).mode & 0o777).toBe(0o600);
    expect(warnings((await sandbox.run(['profile', 'list'])).stderr)).toEqual([]);
  });
});
