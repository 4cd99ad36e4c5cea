// The zsh and fish scripts, run in the real shells: completion scripts are
// programs in another language, and only the shell can say they work. Each
// part runs where its shell is installed (`apt-get install zsh fish`) and is
// skipped, by name, where it is not.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp } from '../helpers/pty';
import { createSandbox, installCommand, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

function installed(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

let sandbox: Sandbox;
let binDir: string;
let other: string;

beforeAll(() => {
  sandbox = createSandbox('http://127.0.0.1:9');
  binDir = path.join(sandbox.home, 'bin');
  installCommand(binDir);
  const fake = { organizationId: '7f5c3f5e-1b34-4f3c-9a49-3c1ffb9e6b1a', apiToken: 'apc_not_a_real_token' };
  writeConfig(sandbox.configPath, [{ name: 'work', ...fake }, { name: 'home', ...fake }], 'work');
  other = path.join(sandbox.home, 'other.yaml');
  writeConfig(other, [{ name: 'alpha', ...fake }, { name: 'beta', ...fake }]);
});

afterAll(() => sandbox.remove());

function shellEnv(): Record<string, string> {
  return { ...sandbox.baseEnv, PATH: `${binDir}:${process.env.PATH ?? ''}` };
}

function script(shell: 'zsh' | 'fish'): string {
  const file = path.join(sandbox.home, `completion.${shell}`);
  writeFileSync(file, execFileSync(path.join(binDir, 'appclacks'), ['completion', shell], { env: shellEnv() }));
  return file;
}

describe.skipIf(!installed('fish'))('fish completion', () => {
  // `complete -C LINE` prints what fish would offer, one "word<TAB>description" per line.
  const offered = (line: string): string[] => {
    const program = `source ${script('fish')}; complete -C${JSON.stringify(line)}`;
    const result = spawnSync('fish', ['--no-config', '-c', program], { encoding: 'utf8', env: shellEnv() });
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
  };

  it('offers commands, flags and permission names', () => {
    expect(offered('appclacks tok')).toEqual(['token']);
    expect(offered('appclacks token ')).toEqual(expect.arrayContaining(['create', 'list', 'get', 'delete']));
    expect(offered('appclacks token create --permission ListAPI')).toEqual(['ListAPITokens']);
  });

  it('offers the profile names of the config file in use', () => {
    expect(offered('appclacks -p ').sort()).toEqual(['home', 'work']);
    expect(offered('appclacks profile use ').sort()).toEqual(['home', 'work']);
    expect(offered(`appclacks --config ${other} profile remove `).sort()).toEqual(['alpha', 'beta']);
    expect(offered('appclacks __')).toEqual([]);
  });
});

describe.skipIf(!installed('zsh'))('zsh completion, in an interactive zsh', () => {
  it('completes commands and flags, and offers the profile names of the config file in use', async () => {
    const file = script('zsh');
    const zsh = spawnApp({ file: 'zsh', args: ['-f', '-i'], cols: 100, rows: 20, cwd: sandbox.home, env: { ...shellEnv(), PS1: '> ' } });
    try {
      await zsh.type(`autoload -Uz compinit && compinit -u -d ${sandbox.home}/.zcompdump && source ${file} && clear\r`);
      await zsh.waitFor((screen) => screen.trim() === '>', 'a clear prompt');

      await zsh.type('appclacks tok\t');
      await zsh.waitForText('appclacks token ');

      // Two profiles: the first Tab lists them under the line.
      await zsh.type('\u0015appclacks profile use \t');
      await zsh.waitFor((screen) => /home/.test(screen) && /work/.test(screen), 'both profile names');
      expect(zsh.screen()).not.toContain('--endpoint');

      await zsh.type(`\u0015appclacks --config ${other} -p a\t`);
      await zsh.waitForText(`-p alpha`);
    } finally {
      await zsh.dispose();
    }
  });
});
