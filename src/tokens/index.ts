export * from './ttl';
export * from './time-text';
export * from './permissions';
export * from './expiry';
export * from './password';
