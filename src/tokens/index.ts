export * from './ttl';
export * from './permissions';
export * from './expiry';
export * from './password';
