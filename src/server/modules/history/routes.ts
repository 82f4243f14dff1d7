import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointment } from '../../../shared/schemas/appointments.ts';
import { idParams, pageQuery, personRef } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { patientHistory } from './service.ts';

const history = z.object({
  patient: personRef,
  items: z.array(appointment),
  nextCursor: z.string().nullable(),
});

export const historyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/patients/:id/history',
    { schema: { tags: ['patients'], params: idParams, querystring: pageQuery, response: { 200: history } } },
    async (request) =>
      patientHistory(requestContext(ctx, request, 'history.read'), request.params.id, request.query),
  );
};
