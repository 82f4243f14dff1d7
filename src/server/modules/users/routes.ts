import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { user } from '../../../shared/schemas/auth.ts';
import { idParams, page, pageQuery } from '../../../shared/schemas/common.ts';
import {
  createStaffBody,
  doctor,
  registerPatientBody,
  resetPasswordBody,
  updateUserBody,
  usersQuery,
} from '../../../shared/schemas/users.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import {
  createStaff,
  getUser,
  listDoctors,
  listUsers,
  registerPatientByStaff,
  resetPassword,
  updateStaffOrPatient,
} from './service.ts';

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/users',
    { schema: { tags: ['users'], body: createStaffBody, response: { 201: user } } },
    async (request, reply) =>
      reply.code(201).send(await createStaff(requestContext(ctx, request, 'staff.manage'), request.body)),
  );

  app.get(
    '/users',
    { schema: { tags: ['users'], querystring: usersQuery, response: { 200: page(user) } } },
    async (request) => listUsers(requestContext(ctx, request, 'staff.manage'), request.query),
  );

  app.get(
    '/users/:id',
    { schema: { tags: ['users'], params: idParams, response: { 200: user } } },
    async (request) => getUser(requestContext(ctx, request, 'staff.manage'), request.params.id),
  );

  app.patch(
    '/users/:id',
    { schema: { tags: ['users'], params: idParams, body: updateUserBody, response: { 200: user } } },
    async (request) =>
      updateStaffOrPatient(requestContext(ctx, request, 'staff.manage'), request.params.id, request.body),
  );

  app.post(
    '/users/:id/password',
    { schema: { tags: ['users'], params: idParams, body: resetPasswordBody } },
    async (request, reply) => {
      await resetPassword(
        requestContext(ctx, request, 'staff.manage'),
        request.params.id,
        request.body.password,
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/doctors',
    { schema: { tags: ['users'], querystring: pageQuery, response: { 200: page(doctor) } } },
    async (request) => listDoctors(requestContext(ctx, request, 'doctor.list'), request.query),
  );

  app.get(
    '/patients',
    {
      schema: {
        tags: ['patients'],
        querystring: usersQuery.omit({ role: true }),
        response: { 200: page(user) },
      },
    },
    async (request) =>
      listUsers(requestContext(ctx, request, 'patient.search'), { ...request.query, role: 'PATIENT' }),
  );

  app.post(
    '/patients',
    { schema: { tags: ['patients'], body: registerPatientBody, response: { 201: user } } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await registerPatientByStaff(requestContext(ctx, request, 'patient.register'), request.body)),
  );
};
