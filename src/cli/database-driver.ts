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
};

/** How to install a package beside this copy of appclacks. */
function installCommand(spec: string, moduleUrl: string): string {
  // From an installed package (`npm install -g`) the driver goes beside it; in
  // a checkout, package.json already lists it.
  return moduleUrl.includes('/node_modules/') ? `npm install -g ${spec}` : `npm install ${spec}`;
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
  const spec = `${driver.name}@${DATABASE_DRIVERS[driver.name]}`;
  const what = driver.missing ? 'is not installed' : 'did not build for this Node.js';
  return new UsageError(`the server's database driver ${driver.name} ${what}; install it with \`${installCommand(spec, moduleUrl)}\``);
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
