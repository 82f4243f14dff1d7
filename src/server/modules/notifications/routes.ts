import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emptyBody, idParams } from '../../../shared/schemas/common.ts';
import { notificationsPage, notificationsQuery } from '../../../shared/schemas/notifications.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { listMyNotifications, markNotificationRead } from './service.ts';

export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: notificationsQuery,
        response: { 200: notificationsPage },
      },
    },
    async (request) =>
      listMyNotifications(requestContext(ctx, request, 'notification.read-own'), request.query),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags: ['notifications'], params: idParams, body: emptyBody } },
    async (request, reply) => {
      await markNotificationRead(requestContext(ctx, request, 'notification.read-own'), request.params.id);
      return reply.code(204).send();
    },
  );
};
