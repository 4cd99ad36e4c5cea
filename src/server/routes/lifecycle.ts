// This server's extensions for the life of a token after its creation (README,
// API "Extensions"): which token is this, and rotating one without an outage.
// Registered only when extensions are on, so a server started without them
// answers these paths exactly as the official one would: 404.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appliedLifetimeMs, parseTtl } from '../../tokens';
import { HttpError, notFound } from '../http-error';
import { goDurationField } from '../requests';
import { sanitiseUserAgent } from '../audit/events';
import { generateTokenSecret, hashTokenSecret } from '../secrets';
import type { TokenRecord } from '../storage/types';
import { validateBody } from '../validate';
import { apiTimeOf, tokenToWire } from '../wire';
import type { RouteContext } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{"ttl"?, "grace"?}`; no body at all means neither. */
export const rotateTokenRequest = z
  .object({ ttl: goDurationField.optional(), grace: goDurationField.optional() }, { error: 'must be an object' })
  .optional();

type IdParams = { Params: { id: string } };

export function lifecycleRoutes(app: FastifyInstance, context: RouteContext): void {
  // Any valid token may ask who it is: a token without GetAPIToken still
  // needs to know its own expiry, and learns nothing about other tokens.
  // Asking is a check, not a use: it leaves last-used-at as it was.
  app.get('/api/v1/token/current', async (request) => {
    const token = await context.tokens.authenticateAny(request.headers.authorization, { countsAsUse: false });
    return tokenToWire(token);
  });

  app.post<IdParams>('/app/v1/token/:id/rotate', async (request: FastifyRequest<IdParams>) => {
    const account = await context.passwords.authenticate(request.headers.authorization, request.ip, sanitiseUserAgent(request.headers['user-agent']));
    const id = request.params.id;
    if (!UUID.test(id)) throw notFound(`API token ${id} not found`);
    const body = validateBody(rotateTokenRequest, request.body) ?? {};
    const now = context.clock();
    const old = await context.storage.getToken(account.organizationId, id.toLowerCase());
    if (!old) throw notFound(`API token ${id} not found`);

    // The stored TTL was validated when the token was created; keep it unless a new one is given.
    const ttl = body.ttl ?? storedTtl(old.ttl);
    const secret = generateTokenSecret();
    const replacement: TokenRecord = {
      id: randomUUID(),
      organizationId: old.organizationId,
      name: old.name,
      description: old.description,
      permissions: [...old.permissions],
      secretHash: hashTokenSecret(secret),
      ttl: ttl.text,
      createdAt: now,
      expiresAt: now + appliedLifetimeMs(ttl.ms),
    };
    const graceEndsAt = body.grace && now + appliedLifetimeMs(body.grace.ms);
    const audit = context.audit.event(request, {
      organizationId: old.organizationId,
      kind: 'token.rotated',
      actor: account.email,
      actorType: 'account',
      tokenId: old.id,
      tokenName: old.name,
      replacementTokenId: replacement.id,
      // The grace asked for; the old token's own expiry may come sooner.
      graceEndsAt: graceEndsAt === undefined ? null : Math.min(graceEndsAt, old.expiresAt),
    });
    const outcome = await context.storage.rotateToken({
      organizationId: old.organizationId,
      id: old.id,
      replacement,
      ...(graceEndsAt !== undefined && { graceEndsAt }),
      ...(audit && { audit }),
    });
    if (outcome.status === 'not-found') throw notFound(`API token ${id} not found`);
    if (outcome.status === 'already-rotated') {
      throw new HttpError(409, `API token ${old.id} was already rotated into ${outcome.replacedBy}: rotate that one instead`);
    }
    const { id: newId, name, ...rest } = tokenToWire(replacement);
    return {
      id: newId,
      name,
      token: secret,
      ...rest,
      // What became of the old token: gone now (`expires-at` null), or valid until the grace ends.
      previous: { id: old.id, 'expires-at': outcome.deleted ? null : apiTimeOf(outcome.previous.expiresAt) },
    };
  });
}

function storedTtl(text: string): { text: string; ms: number } {
  const parsed = parseTtl(text, { syntax: 'go' });
  if (!parsed.ok) throw new HttpError(400, `the token's stored ttl "${text}" no longer parses: give one in the body ("ttl")`);
  return { text, ms: parsed.ms };
}
