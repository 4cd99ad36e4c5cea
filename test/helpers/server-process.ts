// `appclacks server` as its own process (from dist/: run `npm run build`
// first), for tests where several instances share one database the way a
// deployment's do.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/appclacks.js', import.meta.url));

export interface ServerProcess {
  url: string;
  /** The process ID, e.g. to read its memory from /proc. */
  pid: number;
  /** Everything the process wrote to stderr so far (its request log). */
  stderr(): string;
  /** SIGTERM, then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** Sends `signal` (SIGKILL: a crash, an out-of-memory kill) and waits for the process to be gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(args: string[], timeoutMs = 15_000): Promise<ServerProcess> {
  const home = mkdtempSync(join(tmpdir(), 'appclacks-instance-'));
  const child = spawn(process.execPath, [BIN, 'server', '--port', '0', ...args], {
    env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const cleanUp = () => rmSync(home, { recursive: true, force: true });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    const check = () => {
      const match = /listening on (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening: ${stderr}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    cleanUp();
    throw error;
  });

  return {
    url,
    pid: child.pid!,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      cleanUp();
      return code;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      cleanUp();
    },
  };
}
