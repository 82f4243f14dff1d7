import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/domain/errors.ts';
import { can, type Permission } from '../../shared/domain/roles.ts';
import type { Actor, AppContext, RequestContext } from '../context.ts';
import { authenticate } from '../modules/auth/service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    /** Routes open without a bearer token: health, login, registration, refresh. */
    public?: boolean;
  }
}

/** Every API route needs a valid bearer token and a live session unless it is marked public. */
export const authPlugin = fp(async (app: FastifyInstance, options: { ctx: AppContext }) => {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config?.public) return;
    if (!request.routeOptions.url) return;
    const header = request.headers.authorization;
    const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match?.[1])
      throw new AppError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
    request.actor = await authenticate(options.ctx, match[1]);
  });
});

/** The context a service runs in for this request; throws 403 when the role may never do this. */
export function requestContext(
  ctx: AppContext,
  request: FastifyRequest,
  permission?: Permission,
): RequestContext {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (permission && !can(actor.role, permission)) {
    throw new AppError('FORBIDDEN', 'Your role may not do this');
  }
  return { ...ctx, actor, requestId: request.id };
}
