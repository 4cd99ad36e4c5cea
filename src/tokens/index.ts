export * from './ttl';
export * from './permissions';
export * from './expiry';
