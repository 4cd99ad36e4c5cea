import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configFilePath,
  displayPath,
  resolveConfigPath,
  serverDatabasePath,
  userConfigDir,
  userDataDir,
} from '../../src/config';
import { ConfigError, UsageError } from '../../src/errors';
import { useTempDirs } from './temp-dir';

describe('userConfigDir follows Go os.UserConfigDir', () => {
  it.each([
    ['linux', { HOME: '/home/ada' }, '/home/ada/.config'],
    ['linux', { HOME: '/home/ada', XDG_CONFIG_HOME: '/xdg/config' }, '/xdg/config'],
    ['linux', { HOME: '/home/ada', XDG_CONFIG_HOME: 'relative/config' }, '/home/ada/.config'],
    ['linux', { HOME: '/home/ada', XDG_CONFIG_HOME: '' }, '/home/ada/.config'],
    ['linux', { XDG_CONFIG_HOME: '/xdg/config' }, '/xdg/config'],
    ['freebsd', { HOME: '/home/ada' }, '/home/ada/.config'],
    ['darwin', { HOME: '/Users/ada', XDG_CONFIG_HOME: '/xdg/config' }, '/Users/ada/Library/Application Support'],
    ['win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming', HOME: '/ignored' }, 'C:\\Users\\ada\\AppData\\Roaming'],
  ] as const)('%s with %j gives %s', (platform, env, expected) => {
    expect(userConfigDir(env, platform)).toBe(expected);
  });

  it.each([
    ['linux', { XDG_CONFIG_HOME: 'relative' }, /HOME/],
    ['linux', {}, /HOME/],
    ['darwin', {}, /HOME/],
    ['win32', { HOME: '/home/ada' }, /AppData/],
  ] as const)('%s without a usable directory (%j) is a ConfigError with a hint', (platform, env, message) => {
    const attempt = () => userConfigDir(env, platform);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).hint).toMatch(/--config/);
    }
  });

  it('uses the injected homedir only when HOME is unset', () => {
    expect(userConfigDir({}, 'linux', '/fallback')).toBe('/fallback/.config');
    expect(userConfigDir({ HOME: '/home/ada' }, 'linux', '/fallback')).toBe('/home/ada/.config');
  });
});

describe('configFilePath', () => {
  it.each([
    ['linux', { HOME: '/home/ada' }, '/home/ada/.config/appclacks/appclacks.yaml'],
    ['linux', { HOME: '/home/ada', XDG_CONFIG_HOME: '/etc/xdg-ada' }, '/etc/xdg-ada/appclacks/appclacks.yaml'],
    ['darwin', { HOME: '/Users/ada' }, '/Users/ada/Library/Application Support/appclacks/appclacks.yaml'],
    ['win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada\\AppData\\Roaming\\appclacks\\appclacks.yaml'],
  ] as const)('%s with %j is %s', (platform, env, expected) => {
    expect(configFilePath(env, platform)).toBe(expected);
  });
});

describe('userDataDir and serverDatabasePath', () => {
  it.each([
    ['linux', { HOME: '/home/ada' }, '/home/ada/.local/share'],
    ['linux', { HOME: '/home/ada', XDG_DATA_HOME: '/data' }, '/data'],
    ['linux', { HOME: '/home/ada', XDG_DATA_HOME: 'data' }, '/home/ada/.local/share'],
    ['darwin', { HOME: '/Users/ada' }, '/Users/ada/Library/Application Support'],
    ['win32', { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'C:\\Users\\ada\\AppData\\Local'],
  ] as const)('%s with %j is %s', (platform, env, expected) => {
    expect(userDataDir(env, platform)).toBe(expected);
  });

  it('puts the server database under <data dir>/appclacks', () => {
    expect(serverDatabasePath({ HOME: '/home/ada' }, 'linux')).toBe('/home/ada/.local/share/appclacks/server.db');
    expect(serverDatabasePath({ LOCALAPPDATA: 'C:\\L' }, 'win32')).toBe('C:\\L\\appclacks\\server.db');
  });

  it('fails on Windows without %LocalAppData%', () => {
    expect(() => userDataDir({ APPDATA: 'C:\\R' }, 'win32')).toThrow(ConfigError);
  });
});

describe('resolveConfigPath', () => {
  const tempDir = useTempDirs();

  it('prefers --config over APPCLACKS_CONFIG over the default, with the source', async () => {
    const env = { HOME: '/home/ada', APPCLACKS_CONFIG: '/env/appclacks.yaml' };
    const byFlag = await resolveConfigPath({ env, flags: { config: '/flag/appclacks.yaml' }, platform: 'linux' });
    expect(byFlag.configPath).toEqual({ value: '/flag/appclacks.yaml', source: { kind: 'flag', name: '--config' } });
    const byEnv = await resolveConfigPath({ env, platform: 'linux' });
    expect(byEnv.configPath).toEqual({ value: '/env/appclacks.yaml', source: { kind: 'env', name: 'APPCLACKS_CONFIG' } });
    const byDefault = await resolveConfigPath({ env: { HOME: '/home/ada' }, platform: 'linux' });
    expect(byDefault.configPath).toEqual({ value: '/home/ada/.config/appclacks/appclacks.yaml', source: { kind: 'default' } });
  });

  it('resolves a relative --config against the working directory', async () => {
    const { configPath } = await resolveConfigPath({ env: {}, flags: { config: 'sub/c.yaml' }, cwd: '/work', platform: 'linux' });
    expect(configPath.value).toBe('/work/sub/c.yaml');
  });

  it('does not need HOME when a file is named', async () => {
    const { configPath } = await resolveConfigPath({ env: { APPCLACKS_CONFIG: '/x.yaml' }, platform: 'linux' });
    expect(configPath.value).toBe('/x.yaml');
  });

  it('refuses an empty --config', async () => {
    await expect(resolveConfigPath({ env: {}, flags: { config: '' }, platform: 'linux' })).rejects.toThrow(UsageError);
  });

  it('reads the misspelled appaclacks.yaml when only it exists, and says so once', async () => {
    const home = await tempDir();
    const dir = path.join(home, '.config', 'appclacks');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'appaclacks.yaml'), 'profiles: {}\n');
    const { configPath, notices } = await resolveConfigPath({ env: { HOME: home }, platform: 'linux' });
    expect(configPath.value).toBe(path.join(dir, 'appaclacks.yaml'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('~/.config/appclacks/appaclacks.yaml');
    expect(notices[0]).toContain('appclacks.yaml');
    expect(notices[0]).not.toContain('\n');
  });

  it('prefers the correctly named file when both exist', async () => {
    const home = await tempDir();
    const dir = path.join(home, '.config', 'appclacks');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'appaclacks.yaml'), '');
    await writeFile(path.join(dir, 'appclacks.yaml'), '');
    const { configPath, notices } = await resolveConfigPath({ env: { HOME: home }, platform: 'linux' });
    expect(configPath.value).toBe(path.join(dir, 'appclacks.yaml'));
    expect(notices).toEqual([]);
  });

  it('does not look for the misspelled name next to a file named by --config', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'appaclacks.yaml'), '');
    const { configPath, notices } = await resolveConfigPath({ env: {}, flags: { config: path.join(dir, 'appclacks.yaml') } });
    expect(configPath.value).toBe(path.join(dir, 'appclacks.yaml'));
    expect(notices).toEqual([]);
  });
});

describe('displayPath', () => {
  it('shows the home directory as ~', () => {
    expect(displayPath('/home/ada/.config/appclacks/appclacks.yaml', { HOME: '/home/ada' }, 'linux')).toBe(
      '~/.config/appclacks/appclacks.yaml',
    );
    expect(displayPath('/home/adam/x', { HOME: '/home/ada' }, 'linux')).toBe('/home/adam/x');
  });
});
