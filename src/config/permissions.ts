// The config file holds API tokens, and its directory decides who may replace
// it (a replaced file can point the endpoint elsewhere and collect the next
// password). Files this program writes are 0600 in a 0700 directory; one made
// by hand or by another tool may be looser. Like ssh, the program says so in
// one line per problem, each with the command that fixes it, rather than
// change modes on a read; the next write tightens the file itself (store.ts).
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Group or others may read or write the file. */
const FILE_LOOSE = 0o077;
/** Group or others may add, remove or rename entries in the directory. */
const DIRECTORY_WRITABLE = 0o022;
const STICKY = 0o1000;

const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

async function modeOf(target: string): Promise<number | undefined> {
  try {
    return (await stat(target)).mode;
  } catch {
    return undefined;
  }
}

/**
 * One warning per loose mode of an existing config file and its directory;
 * none on Windows, whose permissions are not modes. `shown`: the path for
 * messages (`~/...`).
 */
export async function configPermissionWarnings(file: string, shown: string, platform: NodeJS.Platform = process.platform): Promise<string[]> {
  if (platform === 'win32') return [];
  const fileMode = await modeOf(file);
  if (fileMode === undefined) return [];
  const warnings: string[] = [];
  if ((fileMode & FILE_LOOSE) !== 0) {
    warnings.push(`${shown} is open to other users (mode ${octal(fileMode)}) and holds API tokens: run \`chmod 600 ${shown}\``);
  }
  const directory = path.dirname(file);
  const directoryMode = await modeOf(directory);
  if (directoryMode !== undefined && (directoryMode & DIRECTORY_WRITABLE) !== 0 && (directoryMode & STICKY) === 0) {
    const shownDirectory = path.dirname(shown);
    warnings.push(`${shownDirectory} is writable by other users (mode ${octal(directoryMode)}), who could replace the config file: run \`chmod 700 ${shownDirectory}\``);
  }
  return warnings;
}
