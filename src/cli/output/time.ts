// Times in tables are for people: a readable UTC time, then how far away it
// is, so an expired token is visible without date arithmetic. `-o json`
// keeps the API's RFC 3339 strings untouched.
import { formatExpiry, parseApiTime } from '../../tokens';

/** `2026-12-01 13:07:28 UTC (in 3d)`, or `... (expired 2d ago)` once past. */
export function formatExpiresAt(apiTime: string, nowMs: number): string {
  let ms: number;
  try {
    ms = parseApiTime(apiTime);
  } catch {
    // Shown as sent rather than failing the whole listing.
    return apiTime;
  }
  const readable = `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return `${readable} (${formatExpiry(ms, nowMs)})`;
}
