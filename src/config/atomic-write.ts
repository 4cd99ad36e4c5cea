// Replacing the config file must never leave it half-written: a crash, a full
// disk or a kill between two writes would otherwise lose every profile. The
// new content goes to a temp file in the same directory (same filesystem, so
// rename is atomic), is flushed to disk, then renamed over the old file.
import { chown, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export const CONFIG_FILE_MODE = 0o600;
export const CONFIG_DIR_MODE = 0o700;

/** The steps of a write, replaceable so tests can make one of them fail. */
export interface WriteSteps {
  writeTemp(tempPath: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDirectory(dir: string): Promise<void>;
}

export const nodeWriteSteps: WriteSteps = {
  async writeTemp(tempPath, content) {
    // 'wx': never follow or reuse an existing file at the temp name.
    const handle = await open(tempPath, 'wx', CONFIG_FILE_MODE);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.chmod(CONFIG_FILE_MODE); // the umask may have narrowed it further; 0600 is the contract
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: renameReplacing,
  async syncDirectory(dir) {
    // Makes the rename itself durable. Not possible on Windows; best effort.
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      /* best effort */
    }
  },
};

// On Windows a rename over a file that an editor or a virus scanner has open
// fails for a moment with EPERM/EBUSY; a few short retries ride that out.
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const transient = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES';
      if (process.platform !== 'win32' || !transient || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
}

function tempPrefix(target: string): string {
  return `.${path.basename(target)}.`;
}

const TEMP_SUFFIX = '.tmp';

export async function writeFileAtomically(target: string, content: string, steps: WriteSteps = nodeWriteSteps): Promise<void> {
  // Loaded here, not with the module: node:crypto is about 50 internal
  // modules (5 ms), and every command loads this file, though few write.
  const { randomBytes } = await import('node:crypto');
  const dir = path.dirname(target);
  const tempPath = path.join(dir, `${tempPrefix(target)}${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await steps.writeTemp(tempPath, content);
    await keepOwner(target, tempPath);
    await steps.rename(tempPath, target);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await steps.syncDirectory(dir);
}

// `sudo appclacks ...` must not leave the user's own file owned by root.
async function keepOwner(target: string, tempPath: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  try {
    const { uid, gid } = await stat(target);
    await chown(tempPath, uid, gid);
  } catch {
    /* new file, or a filesystem without owners */
  }
}

/**
 * Deletes temp files left by a writer that died mid-write. Only call this
 * while holding the file's lock: every writer creates its temp file under the
 * lock, so any temp file seen then is an orphan.
 */
export async function removeOrphanTempFiles(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = tempPrefix(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX))
      .map((name) => unlink(path.join(dir, name)).catch(() => undefined)),
  );
}
