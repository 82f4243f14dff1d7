import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appointment,
  appointmentBill,
  appointmentsQuery,
  billBody,
  cancelBody,
  consultation,
  consultationBody,
  prescription,
  prescriptionBody,
  rejectBody,
  requestAppointmentBody,
  treatBody,
} from '../../../shared/schemas/appointments.ts';
import { emptyBody, idParams, page } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { getAppointment, listAppointments } from './queries.ts';
import { recordBill, recordConsultation, recordPrescription } from './record-visit.ts';
import { requestAppointment } from './request-appointment.ts';
import { transitionAppointment } from './transition-appointment.ts';

const tags = ['appointments'];

export const appointmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/appointments',
    { schema: { tags, body: requestAppointmentBody, response: { 201: appointment } } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await requestAppointment(requestContext(ctx, request, 'appointment.request'), request.body)),
  );

  app.get(
    '/appointments',
    { schema: { tags, querystring: appointmentsQuery, response: { 200: page(appointment) } } },
    async (request) => listAppointments(requestContext(ctx, request, 'appointment.read'), request.query),
  );

  app.get(
    '/appointments/:id',
    { schema: { tags, params: idParams, response: { 200: appointment } } },
    async (request) => getAppointment(requestContext(ctx, request, 'appointment.read'), request.params.id),
  );

  app.post(
    '/appointments/:id/approve',
    { schema: { tags, params: idParams, body: emptyBody, response: { 200: appointment } } },
    async (request) => transitionAppointment(requestContext(ctx, request), request.params.id, 'approve'),
  );

  app.post(
    '/appointments/:id/reject',
    { schema: { tags, params: idParams, body: rejectBody, response: { 200: appointment } } },
    async (request) =>
      transitionAppointment(requestContext(ctx, request), request.params.id, 'reject', request.body),
  );

  app.post(
    '/appointments/:id/cancel',
    { schema: { tags, params: idParams, body: cancelBody, response: { 200: appointment } } },
    async (request) =>
      transitionAppointment(requestContext(ctx, request), request.params.id, 'cancel', request.body ?? {}),
  );

  app.post(
    '/appointments/:id/no-show',
    { schema: { tags, params: idParams, body: emptyBody, response: { 200: appointment } } },
    async (request) => transitionAppointment(requestContext(ctx, request), request.params.id, 'no-show'),
  );

  app.post(
    '/appointments/:id/treat',
    { schema: { tags, params: idParams, body: treatBody, response: { 200: appointment } } },
    async (request) =>
      transitionAppointment(requestContext(ctx, request), request.params.id, 'treat', request.body ?? {}),
  );

  app.put(
    '/appointments/:id/consultation',
    { schema: { tags, params: idParams, body: consultationBody, response: { 200: consultation } } },
    async (request) =>
      recordConsultation(requestContext(ctx, request, 'visit.record'), request.params.id, request.body),
  );

  app.put(
    '/appointments/:id/prescription',
    { schema: { tags, params: idParams, body: prescriptionBody, response: { 200: prescription } } },
    async (request) =>
      recordPrescription(requestContext(ctx, request, 'visit.record'), request.params.id, request.body),
  );

  app.put(
    '/appointments/:id/bill',
    { schema: { tags, params: idParams, body: billBody, response: { 200: appointmentBill } } },
    async (request) =>
      recordBill(requestContext(ctx, request, 'visit.record'), request.params.id, request.body),
  );
};
