// The tokens the demo creates. Each one shows a state the UI must make
// visible: expired, expiring within the hour or the day, long-lived; `*`,
// read-only, single permission; with and without a description.
import { MS } from '../tokens';

export interface PlannedToken {
  name: string;
  description?: string;
  ttl: string;
  actions: string[];
  /** How long ago the server should believe the token was created. */
  createdAgoMs: number;
}

export const ADMIN_PROFILE = 'demo-admin';
export const READONLY_PROFILE = 'demo-readonly';
// Named as `appclacks login` names its tokens, so the UI recognises the
// session's own token (and warns before deleting it).
export const ADMIN_TOKEN = `${ADMIN_PROFILE}-cli`;
export const READONLY_TOKEN = `${READONLY_PROFILE}-cli`;
export const READONLY_ACTIONS = ['ListAPITokens', 'GetAPIToken'];

export const DEMO_TOKENS: readonly PlannedToken[] = [
  { name: ADMIN_TOKEN, description: 'Profile demo-admin of this demo', ttl: '1051200h', actions: ['*'], createdAgoMs: 0 },
  { name: READONLY_TOKEN, description: 'Profile demo-readonly of this demo', ttl: '1051200h', actions: READONLY_ACTIONS, createdAgoMs: 0 },
  { name: 'ci-deploy', description: 'Old CI pipeline, replaced', ttl: '72h', actions: ['*'], createdAgoMs: 30 * MS.d },
  { name: 'old-laptop', ttl: '168h', actions: ['ListAPITokens'], createdAgoMs: 10 * MS.d },
  { name: 'oncall-debug', description: 'Short-lived, for tonight\'s incident', ttl: '48h30m', actions: READONLY_ACTIONS, createdAgoMs: 2 * MS.d },
  { name: 'grafana-metrics', description: 'Prometheus scraping', ttl: '24h', actions: ['GetHealthchecksMetrics'], createdAgoMs: 20 * MS.h },
  { name: 'staging-checks', description: 'Manages staging health checks', ttl: '72h', actions: ['ListHealthchecks', 'CreateHealthcheck', 'UpdateHealthcheck', 'DeleteHealthcheck'], createdAgoMs: 0 },
  { name: 'cabourotte', ttl: '720h', actions: ['CabourotteDiscovery'], createdAgoMs: 0 },
  { name: 'terraform', description: 'Infrastructure as code', ttl: '10000h', actions: ['*'], createdAgoMs: 0 },
  { name: 'status-page', description: 'Public status page', ttl: '8760h', actions: ['ListHealthchecksResults'], createdAgoMs: 0 },
  { name: 'token-auditor', ttl: '2160h', actions: ['GetOrganization', 'ListAPITokens', 'GetAPIToken'], createdAgoMs: 0 },
  { name: 'cleanup-bot', description: 'Deletes expired tokens every night', ttl: '336h', actions: ['ListAPITokens', 'DeleteAPIToken'], createdAgoMs: 0 },
];
