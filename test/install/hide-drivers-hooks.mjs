// Module resolution hooks for hide-drivers.mjs (they run on a loader thread).
const HIDDEN = new Set(['better-sqlite3', 'pg']);
const NOWHERE = 'file:///nonexistent-appclacks-test/entry.js';

export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, HIDDEN.has(specifier) ? { ...context, parentURL: NOWHERE } : context);
}
