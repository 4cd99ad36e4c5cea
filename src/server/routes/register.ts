// POST /register: a new organization and its first account, no auth.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error';
import { hashPassword } from '../passwords';
import { registerRequest } from '../requests';
import { EmailTakenError, type AccountRecord, type OrganizationRecord } from '../storage/types';
import { validateBody } from '../validate';
import { accountToWire, organizationToWire } from '../wire';
import type { RouteContext } from './context';

export function registerRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post('/register', async (request) => {
    if (!context.registration) {
      throw new HttpError(403, 'registration is disabled on this server (start it with --registration on)');
    }
    const body = validateBody(registerRequest, request.body);
    // Counted before the password is hashed: the hash is the cost. A taken
    // email counts too (it is hashed), which also slows asking which exist.
    context.registrations.take(request.ip);
    const now = context.clock();
    const organization: OrganizationRecord = {
      id: randomUUID(),
      name: body.organization.name,
      description: body.organization.description ?? null,
      createdAt: now,
    };
    const account: AccountRecord = {
      id: randomUUID(),
      organizationId: organization.id,
      firstName: body.account['first-name'],
      lastName: body.account['last-name'],
      email: body.account.email,
      passwordHash: await hashPassword(body.account.password),
      createdAt: now,
    };
    try {
      const audit = context.audit.event(request, {
        organizationId: organization.id,
        kind: 'account.registered',
        actor: account.email,
        actorType: 'account',
      });
      await context.storage.createOrganizationWithAccount(organization, account, audit);
    } catch (error) {
      if (error instanceof EmailTakenError) throw new HttpError(409, error.message);
      throw error;
    }
    return { organization: organizationToWire(organization), account: accountToWire(account) };
  });
}
