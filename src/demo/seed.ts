// Registers the demo organization and creates the planned tokens through the
// API, as any client would. Back-dated tokens are made by shifting the
// in-process server's clock while each one is created: the server validates
// TTLs as positive, so "created 30 days ago with 72h" is the honest way to get
// an expired token with a believable history, and it costs no waiting.
import { randomBytes } from 'node:crypto';
import type { AppclacksApi, APIToken, PasswordCredentials } from '../api';
import { ADMIN_TOKEN, DEMO_TOKENS, READONLY_TOKEN, type PlannedToken } from './plan';

/** A clock whose offset the seeding moves; the server reads it on every request. */
export interface ShiftableClock {
  now(): number;
  setOffset(ms: number): void;
}

export function createShiftableClock(base: () => number = Date.now): ShiftableClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    setOffset(ms) {
      offset = ms;
    },
  };
}

export interface DemoSeed {
  organizationId: string;
  account: PasswordCredentials;
  /** Secrets of the two profile tokens; the others' secrets are not kept. */
  adminToken: string;
  readonlyToken: string;
  tokens: APIToken[];
}

export const DEMO_EMAIL = 'demo@example.com';

export async function seedDemo(api: AppclacksApi, clock: ShiftableClock, plan: readonly PlannedToken[] = DEMO_TOKENS): Promise<DemoSeed> {
  const account: PasswordCredentials = { email: DEMO_EMAIL, password: `demo-${randomBytes(12).toString('base64url')}` };
  const registered = await api.register({
    organization: { name: 'demo', description: 'Created by appclacks demo; gone when it exits' },
    account: { 'first-name': 'Demo', 'last-name': 'User', email: account.email, password: account.password },
  });

  const tokens: APIToken[] = [];
  try {
    // One at a time: the clock offset belongs to the request in flight.
    for (const planned of plan) {
      clock.setOffset(-planned.createdAgoMs);
      tokens.push(
        await api.createToken(account, {
          name: planned.name,
          ...(planned.description !== undefined && { description: planned.description }),
          ttl: planned.ttl,
          permissions: { actions: planned.actions },
        }),
      );
    }
  } finally {
    clock.setOffset(0);
  }

  const secretOf = (name: string): string => {
    const secret = tokens.find((token) => token.name === name)?.token;
    if (!secret) throw new Error(`the demo plan has no token ${name}`);
    return secret;
  };
  return {
    organizationId: registered.organization.id,
    account,
    adminToken: secretOf(ADMIN_TOKEN),
    readonlyToken: secretOf(READONLY_TOKEN),
    // Only the profile tokens' secrets are needed, and they live in the config file.
    tokens: tokens.map(({ token: _secret, ...rest }) => rest),
  };
}
