import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { sendProblem } from './errors.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get('/ready', { config: { public: true }, schema: { tags: ['health'] } }, async (request, reply) => {
    if (await ctx.handle.ping()) return { status: 'ready', database: ctx.handle.kind };
    return sendProblem(reply, request, 'UNAVAILABLE', 'The database is not answering');
  });
};
