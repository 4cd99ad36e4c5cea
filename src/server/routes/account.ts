// /app/v1: calls made with the account's email and password.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appliedLifetimeMs } from '../../tokens';
import { notFound } from '../http-error';
import { hashPassword } from '../passwords';
import { changePasswordRequest, createTokenRequest } from '../requests';
import { sanitiseUserAgent } from '../audit/events';
import { generateTokenSecret, hashTokenSecret } from '../secrets';
import type { TokenRecord } from '../storage/types';
import { validateBody } from '../validate';
import { messages, organizationToWire, tokenToWire } from '../wire';
import type { RouteContext } from './context';

export function accountRoutes(app: FastifyInstance, context: RouteContext): void {
  const signIn = (request: FastifyRequest) =>
    context.passwords.authenticate(request.headers.authorization, request.ip, sanitiseUserAgent(request.headers['user-agent']));

  app.get('/app/v1/organization', async (request) => {
    const account = await signIn(request);
    const organization = await context.storage.getOrganization(account.organizationId);
    if (!organization) throw notFound('organization not found');
    return organizationToWire(organization);
  });

  app.post('/app/v1/password/change', async (request) => {
    const account = await signIn(request);
    const body = validateBody(changePasswordRequest, request.body);
    const audit = context.audit.event(request, {
      organizationId: account.organizationId,
      kind: 'account.password-changed',
      actor: account.email,
      actorType: 'account',
    });
    await context.storage.updateAccountPassword(account.id, await hashPassword(body['new-password']), audit);
    return messages('password changed');
  });

  app.post('/app/v1/token', async (request) => {
    const account = await signIn(request);
    const body = validateBody(createTokenRequest, request.body);
    const secret = generateTokenSecret();
    const now = context.clock();
    const token: TokenRecord = {
      id: randomUUID(),
      organizationId: account.organizationId,
      name: body.name,
      description: body.description ?? '',
      permissions: body.permissions.actions,
      secretHash: hashTokenSecret(secret),
      ttl: body.ttl.text,
      createdAt: now,
      // Sub-millisecond TTLs still give a token that expires, not one that never lived.
      expiresAt: now + appliedLifetimeMs(body.ttl.ms),
    };
    const audit = context.audit.event(request, {
      organizationId: account.organizationId,
      kind: 'token.created',
      actor: account.email,
      actorType: 'account',
      tokenId: token.id,
      tokenName: token.name,
    });
    await context.storage.createToken(token, audit);
    const { id, name, ...rest } = tokenToWire(token, context.extensions);
    return { id, name, token: secret, ...rest };
  });
}
