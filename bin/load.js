// Loads the bundled program from dist/ (built by `npm run build`, which
// `npm install` runs through the prepare script).
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Node 22.1 and later keep V8's compiled code of the modules loaded after
// this call on disk, so later starts skip compiling them (docs/levers.md has
// the figures); older Nodes have no such function. The cache goes in the
// user's own cache directory rather than Node's default, the shared system
// temporary directory, where another user could write entries first;
// NODE_COMPILE_CACHE, when set, has Node cache there before this runs.
if (typeof module.enableCompileCache === 'function' && !process.env.NODE_COMPILE_CACHE) {
  const cacheHome = process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  module.enableCompileCache(join(cacheHome, 'appclacks', 'compile-cache'));
}

export async function runMain(argv) {
  let program;
  try {
    program = await import('../dist/appclacks.js');
  } catch (error) {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
      process.stderr.write('error: appclacks is not built yet\nhint: run `npm run build` in the project directory\n');
      process.exit(1);
    }
    throw error;
  }
  await program.main(argv);
}
