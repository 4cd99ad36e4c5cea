// The yaml package, for the config file's code (file.ts, document.ts), loaded
// when this module is evaluated: store.ts imports those only when there is a
// file to read or change, so a command run on environment variables alone
// never loads yaml's 115 KB. The import is dynamic so that it stays so
// whoever imports this module statically.
const library = await import('yaml');

export const { isMap, isScalar, parseDocument } = library;
export const LineCounter = library.LineCounter;
export type LineCounter = import('yaml').LineCounter;
export const Scalar = library.Scalar;
export type Scalar<T = unknown> = import('yaml').Scalar<T>;
export const YAMLMap = library.YAMLMap;
export type YAMLMap<K = unknown, V = unknown> = import('yaml').YAMLMap<K, V>;
