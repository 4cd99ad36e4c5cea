// Entry of the bundled program (dist/appclacks.js). Replaced by the real
// command tree in the CLI issue; kept minimal so the build has an entry.
import { VERSION } from '../version';

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--version')) {
    process.stdout.write(`appclacks ${VERSION}\n`);
    return;
  }
  process.stderr.write('error: not implemented yet\n');
  process.exitCode = 1;
}
