// The version is written in by the bundler (scripts/build.mjs) and by vitest;
// sources run through tsx (scripts, child processes in tests) say "dev".
export const VERSION: string = typeof __APPCLACKS_VERSION__ === 'string' ? __APPCLACKS_VERSION__ : 'dev';
export const USER_AGENT = `appclacks-tui/${VERSION} (node ${process.versions.node})`;
