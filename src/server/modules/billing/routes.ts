import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bill, billsQuery, payBody } from '../../../shared/schemas/billing.ts';
import { idParams, page } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { confirmPayment, getBill, listBills } from './service.ts';

const tags = ['bills'];
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

export const billingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/bills',
    { schema: { tags, querystring: billsQuery, response: { 200: page(bill) } } },
    async (request) => listBills(requestContext(ctx, request, 'bill.read'), request.query),
  );

  app.get('/bills/:id', { schema: { tags, params: idParams, response: { 200: bill } } }, async (request) =>
    getBill(requestContext(ctx, request, 'bill.read'), request.params.id),
  );

  app.post(
    '/bills/:id/pay',
    {
      schema: { tags, params: idParams, headers: idempotencyHeaders, body: payBody, response: { 200: bill } },
    },
    async (request) =>
      confirmPayment(
        requestContext(ctx, request, 'bill.pay'),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      ),
  );
};
