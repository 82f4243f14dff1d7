import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  deliveriesPage,
  deliveriesQuery,
  delivery,
  deliveryParams,
  deliverySummary,
} from '../../../shared/schemas/deliveries.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { listDeliveries, retryDelivery, summarizeDeliveries } from './service.ts';

export const deliveryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/deliveries',
    { schema: { tags: ['deliveries'], querystring: deliveriesQuery, response: { 200: deliveriesPage } } },
    async (request) => listDeliveries(requestContext(ctx, request, 'delivery.manage'), request.query),
  );

  app.get(
    '/deliveries/summary',
    { schema: { tags: ['deliveries'], response: { 200: deliverySummary } } },
    async (request) => summarizeDeliveries(requestContext(ctx, request, 'delivery.manage')),
  );

  app.post(
    '/deliveries/:id/retry',
    { schema: { tags: ['deliveries'], params: deliveryParams, response: { 200: delivery } } },
    async (request) => retryDelivery(requestContext(ctx, request, 'delivery.manage'), request.params.id),
  );
};
