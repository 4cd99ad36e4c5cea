// The yaml package, for the config file's code (file.ts, document.ts):
// store.ts imports those only when there is a file to read or change, so a
// command run on environment variables alone never loads yaml's 115 KB
// (test/build checks it stays off the start-up path).
export { isAlias, isMap, isScalar, isSeq, parseDocument, LineCounter, Scalar, YAMLMap } from 'yaml';
