// The server's database drivers are optional dependencies: a native build that
// fails (no compiler, no prebuilt binary for the platform) must not stop anyone
// from installing the CLI and the UI. `appclacks server` and `appclacks demo`
// are the only commands that load one; when it is missing or does not load,
// they say in one line what to install instead of printing a stack.
// Kept out of src/server/ so the CLI entry can use it without the server chunk.
import { UsageError } from '../errors';

/** Each driver with the version package.json pins (test/install checks they agree). */
export const DATABASE_DRIVERS: Readonly<Record<string, string>> = {
  'better-sqlite3': '12.11.1',
  pg: '8.23.1',
};

/** `npm <verb>` for a package beside this copy of appclacks. */
function npmCommand(verb: string, spec: string, moduleUrl: string): string {
  // From an installed package (`npm install -g`) the driver sits beside it; in
  // a checkout, package.json already lists it.
  return `npm ${verb}${moduleUrl.includes('/node_modules/') ? ' -g' : ''} ${spec}`;
}

/** The driver a failure is about, when it is one of ours that is missing or cannot load. */
export function failedDriver(error: unknown): { name: string; missing: boolean } | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  for (const name of Object.keys(DATABASE_DRIVERS)) {
    // ESM: "Cannot find package 'pg' imported from …"; CommonJS: "Cannot find module 'pg'".
    const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    if (notFound && (error.message.includes(`'${name}'`) || error.message.includes(`/${name}/`))) return { name, missing: true };
    // Installed but its compiled part is absent or built for another Node.js
    // (the `bindings` loader's message, or the dlopen failure itself).
    const native = code === 'ERR_DLOPEN_FAILED' || error.message.startsWith('Could not locate the bindings file');
    if (native && error.message.includes(name.replace(/-/g, '_'))) return { name, missing: false };
  }
  return undefined;
}

/** One line: what is wrong and the command that fixes it. */
export function driverError(driver: { name: string; missing: boolean }, moduleUrl = import.meta.url): UsageError {
  if (driver.missing) {
    const install = npmCommand('install', `${driver.name}@${DATABASE_DRIVERS[driver.name]}`, moduleUrl);
    return new UsageError(`the server's database driver ${driver.name} is not installed; install it with \`${install}\``);
  }
  // Installed without its build (--ignore-scripts, a failed compile) or built
  // for another Node.js: installing again would not replace that copy.
  const rebuild = npmCommand('rebuild', driver.name, moduleUrl);
  return new UsageError(`the server's database driver ${driver.name} is not built for this Node.js; build it with \`${rebuild}\``);
}

/** Runs a server command, turning a missing or broken driver into that one line. */
export async function withDatabaseDriver<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const driver = failedDriver(error);
    throw driver ? driverError(driver) : error;
  }
}
