import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  loginBody,
  registerBody,
  tokenResponse,
  updateProfileBody,
  user,
} from '../../../shared/schemas/auth.ts';
import { emptyBody } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { getMe, updateMyProfile } from '../users/service.ts';
import { changePassword, login, logout, refresh, registerPatient } from './service.ts';
import { refreshTokenDays } from './tokens.ts';

export const refreshCookie = 'ecms_refresh';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const secureCookie = ctx.config.publicUrl.startsWith('https://');
  const setRefreshCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(refreshCookie, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookie,
      path: '/api/v1',
      maxAge: refreshTokenDays * 86_400,
    });
  const authLimit = { max: ctx.config.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/auth/register',
    {
      config: { public: true, rateLimit: authLimit },
      schema: {
        tags: ['auth'],
        body: registerBody,
        response: {
          201: z.object({
            user,
            accessToken: z.string(),
            tokenType: z.literal('Bearer'),
            expiresIn: z.number(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { refreshToken, ...result } = await registerPatient(ctx, request.body);
      setRefreshCookie(reply, refreshToken);
      return reply.code(201).send({ ...result, tokenType: 'Bearer' as const });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: authLimit },
      schema: { tags: ['auth'], body: loginBody, response: { 200: tokenResponse } },
    },
    async (request, reply) => {
      const { refreshToken, ...result } = await login(ctx, request.body.email, request.body.password);
      setRefreshCookie(reply, refreshToken);
      return result;
    },
  );

  app.post(
    '/auth/refresh',
    {
      config: { public: true, rateLimit: authLimit },
      schema: { tags: ['auth'], body: emptyBody, response: { 200: tokenResponse } },
    },
    async (request, reply) => {
      const { refreshToken, ...result } = await refresh(ctx, request.cookies[refreshCookie]);
      setRefreshCookie(reply, refreshToken);
      return result;
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], body: emptyBody } }, async (request, reply) => {
    await logout(requestContext(ctx, request));
    reply.clearCookie(refreshCookie, { path: '/api/v1' });
    return reply.code(204).send();
  });

  app.post(
    '/auth/password',
    { config: { rateLimit: authLimit }, schema: { tags: ['auth'], body: changePasswordBody } },
    async (request, reply) => {
      await changePassword(
        requestContext(ctx, request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send();
    },
  );

  app.get('/me', { schema: { tags: ['auth'], response: { 200: user } } }, async (request) =>
    getMe(requestContext(ctx, request)),
  );

  app.patch(
    '/me',
    { schema: { tags: ['auth'], body: updateProfileBody, response: { 200: user } } },
    async (request) => updateMyProfile(requestContext(ctx, request), request.body),
  );
};
