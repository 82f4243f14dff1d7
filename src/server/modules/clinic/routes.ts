import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clinicInfo } from '../../../shared/schemas/clinic.ts';
import type { AppContext } from '../../context.ts';

/** Public: the web app needs the clinic's zone and currency before anyone signs in. */
export const clinicRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/clinic',
    { config: { public: true }, schema: { tags: ['clinic'], security: [], response: { 200: clinicInfo } } },
    async () => ({
      name: ctx.config.clinicName,
      timezone: ctx.config.timezone,
      currency: ctx.config.currency,
    }),
  );
};
