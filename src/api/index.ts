export { AppclacksClient, createClient, type ClientDeps } from './client';
export type { AppclacksApi, ClientOptions, Extended, ExtensionName, PasswordCredentials, TokenCredentials } from './types';
export * from './schemas';
