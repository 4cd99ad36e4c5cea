// Types for the undici internals that src/api/undici-pool.ts loads directly.
declare module 'undici/lib/dispatcher/pool.js' {
  const Pool: unknown;
  export default Pool;
}
declare module 'undici/lib/api/api-request.js' {
  const request: unknown;
  export default request;
}
