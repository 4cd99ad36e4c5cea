// Entry of the bundled program (dist/appclacks.js), called by bin/.
import { processBaseDeps } from './deps';
import { runCli } from './run-cli';

export async function main(argv: string[]): Promise<void> {
  process.exitCode = await runCli(argv, processBaseDeps());
}
