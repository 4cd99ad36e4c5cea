export { AppclacksClient, createClient, type ClientDeps } from './client';
export type { AppclacksApi, ClientOptions, PasswordCredentials, TokenCredentials } from './types';
export * from './schemas';
