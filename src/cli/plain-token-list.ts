// Everything `appclacks token list` needs in its plain form (plain-argv.ts),
// as one module: the build bundles it as an entry of its own
// in one file (dist/plain/token-list.js, scripts/build.mjs), so that the
// commonest command loads that file instead of the two dozen small chunks
// esbuild's splitting cuts the same code into when it is shared with every
// other command. Each file the ES module loader resolves, reads and compiles
// costs start-up time whatever its size.
export { processBaseDeps } from './deps';
export { runCommand } from './run-command';
export { command } from './commands/token/list';
// The report tells errors apart by their classes: it must be this build's.
export { isDebug, reportError } from '../report/report';
