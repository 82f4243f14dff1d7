import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../shared/domain/errors.ts';
import type { Actor, AppContext } from '../../context.ts';
import { refreshCookie } from '../auth/routes.ts';
import { authenticate, authenticateRefreshCookie, isSessionLive } from '../auth/service.ts';
import { EventHub, parseLiveEvent } from './hub.ts';
import { eventsChannel } from './publish.ts';

/**
 * EventSource cannot send an Authorization header, so the stream signs in with the
 * refresh cookie (httpOnly, SameSite=Strict, path /api/v1); API clients may still send a bearer token.
 */
async function streamActor(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const bearer = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return authenticate(ctx, bearer);
  const cookie = request.cookies[refreshCookie];
  if (!cookie) throw new AppError('UNAUTHENTICATED', 'Sign in to receive live updates');
  return authenticateRefreshCookie(ctx, cookie);
}

export const eventRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const hub = new EventHub();
  const closers = new Set<() => void>();
  // One LISTEN per server process: every process hears every commit and serves its own clients.
  const stopListening = await ctx.handle.listen(eventsChannel, (payload) => {
    const event = parseLiveEvent(payload);
    if (event) hub.dispatch(event);
  });
  // Streams never end by themselves: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    for (const close of [...closers]) close();
  });
  app.addHook('onClose', async () => {
    await stopListening();
  });

  app.get(
    '/events',
    {
      config: { public: true },
      schema: {
        tags: ['events'],
        description:
          'Server-Sent Events for the signed-in user: appointment.updated, bill.updated, notification.created, each with the record id. Authenticated by the refresh cookie or a bearer token.',
      },
    },
    async (request, reply) => {
      const actor = await streamActor(ctx, request);
      reply.hijack();
      const raw = reply.raw;
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) raw.setHeader(name, value);
      }
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n: connected\n\n');
      const unsubscribe = hub.subscribe({
        actor,
        send: (event) => raw.write(`event: ${event.type}\ndata: ${JSON.stringify({ id: event.id })}\n\n`),
      });
      // A stream outlives the token that opened it: each heartbeat checks the session, so a
      // logout, a disabled account or a password change ends the stream too.
      const heartbeat = setInterval(() => {
        isSessionLive(ctx, actor.sessionId).then(
          (live) => (live ? raw.write(': heartbeat\n\n') : close()),
          () => undefined,
        );
      }, ctx.config.eventsHeartbeatMs);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        closers.delete(close);
        if (!raw.writableEnded) raw.end();
      };
      closers.add(close);
      request.raw.on('close', close);
    },
  );
};
