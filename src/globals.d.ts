// Replaced at build time by scripts/build.mjs (and by vitest.config.ts in tests).
declare const __APPCLACKS_VERSION__: string;
