// The yaml package, for the config file's code (file.ts, document.ts), loaded
// when this module is evaluated: store.ts imports those only when there is a
// file to read or change. The import is dynamic on purpose: the build puts
// yaml in a file of its own (dist/chunks/yaml.js, scripts/build.mjs), and a
// static import of it would be hoisted to the top of the plain `token list`
// file, loading and parsing yaml's 115 KB on every run.
const library = await import('yaml');

export const { isAlias, isMap, isScalar, isSeq, parseDocument } = library;
export const LineCounter = library.LineCounter;
export type LineCounter = import('yaml').LineCounter;
export const Scalar = library.Scalar;
export type Scalar<T = unknown> = import('yaml').Scalar<T>;
export const YAMLMap = library.YAMLMap;
export type YAMLMap<K = unknown, V = unknown> = import('yaml').YAMLMap<K, V>;
