import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEvent, auditQuery } from '../../../shared/schemas/audit.ts';
import { page } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { listAuditEvents } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: auditQuery, response: { 200: page(auditEvent) } } },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return listAuditEvents(requestContext(ctx, request, 'audit.read'), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );
};
