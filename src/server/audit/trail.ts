// What routes use to describe their change: an event when the extension is
// on, undefined when the server runs without its extensions (then storage
// writes nothing, and the table stays empty).
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../tokens';
import { auditEvent, sanitiseUserAgent, type AuditEvent, type AuditFields, type AuditOrigin } from './events';

export function originOf(request: FastifyRequest): AuditOrigin {
  return { clientAddress: request.ip, userAgent: sanitiseUserAgent(request.headers['user-agent']) };
}

export class AuditTrail {
  constructor(
    readonly enabled: boolean,
    private readonly clock: Clock,
  ) {}

  event(request: FastifyRequest, fields: AuditFields): AuditEvent | undefined {
    return this.enabled ? auditEvent(this.clock(), originOf(request), fields) : undefined;
  }
}
