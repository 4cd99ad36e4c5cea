// The wizard's lifetime choices. Values are Go durations (docs/api.md) so they go
// on the wire as they are; the last choice means "type your own".
import { DEFAULT_TTL } from '../tokens';

export interface LifetimePreset {
  label: string;
  ttl: string;
}

export const LIFETIME_PRESETS: readonly LifetimePreset[] = [
  { label: '1 hour', ttl: '1h' },
  { label: '1 day', ttl: '24h' },
  { label: '3 days (default)', ttl: DEFAULT_TTL },
  { label: '1 week', ttl: '168h' },
  { label: '30 days', ttl: '720h' },
  { label: '90 days', ttl: '2160h' },
  { label: '1 year', ttl: '8760h' },
];

/** Index of the "custom" choice, after the presets. */
export const CUSTOM_LIFETIME = LIFETIME_PRESETS.length;
export const DEFAULT_LIFETIME_CHOICE = LIFETIME_PRESETS.findIndex((p) => p.ttl === DEFAULT_TTL);
