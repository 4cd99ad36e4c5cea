// /api/v1: calls made with an organization ID and an API token. Each route
// names the permission it needs; tokens only ever see their own organization.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../http-error';
import { messages, organizationToWire, tokenToWire } from '../wire';
import type { RouteContext } from './context';
import { tokenListBody } from './token-list';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which permission each /api/v1 route needs; the permission tests iterate over it. */
export const API_ROUTE_PERMISSIONS = {
  'GET /api/v1/token': 'ListAPITokens',
  'GET /api/v1/token/:id': 'GetAPIToken',
  'DELETE /api/v1/token/:id': 'DeleteAPIToken',
  'GET /api/v1/organization': 'GetOrganization',
} as const;

type IdParams = { Params: { id: string } };

export function apiRoutes(app: FastifyInstance, context: RouteContext): void {
  const authorize = (request: FastifyRequest, permission: string) =>
    context.tokens.authenticate(request.headers.authorization, permission, request.ip);

  // Not a UUID: it cannot name a token, so 404 rather than a database error.
  const tokenId = (request: FastifyRequest<IdParams>) => {
    const id = request.params.id;
    if (id === '') throw notFound('no API token ID in the path: /api/v1/token/{id}');
    if (!UUID.test(id)) throw notFound(`API token ${id} not found`);
    return id.toLowerCase();
  };

  app.get('/api/v1/token', async (request, reply) => {
    const token = await authorize(request, API_ROUTE_PERMISSIONS['GET /api/v1/token']);
    const body = await tokenListBody(context.storage, token.organizationId, context.extensions);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get<IdParams>('/api/v1/token/:id', async (request) => {
    const token = await authorize(request, API_ROUTE_PERMISSIONS['GET /api/v1/token/:id']);
    const id = tokenId(request);
    const found = await context.storage.getToken(token.organizationId, id);
    if (!found) throw notFound(`API token ${id} not found`);
    return tokenToWire(found, context.extensions);
  });

  app.delete<IdParams>('/api/v1/token/:id', async (request) => {
    const token = await authorize(request, API_ROUTE_PERMISSIONS['DELETE /api/v1/token/:id']);
    const id = tokenId(request);
    // The name is read for the trail only; a token deleted meanwhile is a 404 all the same.
    const name = context.audit.enabled ? (await context.storage.getToken(token.organizationId, id))?.name : undefined;
    const audit = context.audit.event(request, {
      organizationId: token.organizationId,
      kind: 'token.deleted',
      actor: token.id,
      actorType: 'token',
      tokenId: id,
      tokenName: name ?? null,
    });
    if (!(await context.storage.deleteToken(token.organizationId, id, audit))) throw notFound(`API token ${id} not found`);
    return messages(`API token ${id} deleted`);
  });

  app.get('/api/v1/organization', async (request) => {
    const token = await authorize(request, API_ROUTE_PERMISSIONS['GET /api/v1/organization']);
    const organization = await context.storage.getOrganization(token.organizationId);
    if (!organization) throw notFound('organization not found');
    return organizationToWire(organization);
  });
}
