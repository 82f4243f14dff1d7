import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appointment, rescheduleBody } from '../../../shared/schemas/appointments.ts';
import { idParams, page, pageQuery } from '../../../shared/schemas/common.ts';
import {
  appointmentChange,
  calendarLink,
  calendarParams,
  dayQuery,
  dayView,
  doctorParams,
  doctorSchedule,
  followUpItem,
  recall,
  recallsQuery,
  scheduleBody,
  schedulingSettings,
  schedulingSettingsBody,
  slotsQuery,
  slotsResponse,
  timeOff,
  timeOffBody,
  timeOffParams,
  timeOffQuery,
} from '../../../shared/schemas/scheduling.ts';
import type { AppContext } from '../../context.ts';
import { requestContext } from '../../plugins/auth.ts';
import { calendarFeed, issueCalendarToken, revokeCalendarToken } from './calendar-feed.ts';
import { getDayView, listFollowUp } from './day-view.ts';
import { dismissPatientRecall, listRecalls } from './recalls.ts';
import { listAppointmentChanges, rescheduleAppointment } from './reschedule-appointment.ts';
import {
  addTimeOff,
  getDoctorSchedule,
  listFreeSlots,
  listTimeOff,
  removeTimeOff,
  updateDoctorSchedule,
} from './service.ts';
import { getSchedulingSettings, updateSchedulingSettings } from './settings.ts';

const tags = ['scheduling'];

export const schedulingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/doctors/:id/schedule',
    { schema: { tags, params: doctorParams, response: { 200: doctorSchedule } } },
    async (request) => getDoctorSchedule(requestContext(ctx, request), request.params.id),
  );

  app.put(
    '/doctors/:id/schedule',
    { schema: { tags, params: doctorParams, body: scheduleBody, response: { 200: doctorSchedule } } },
    async (request) => updateDoctorSchedule(requestContext(ctx, request), request.params.id, request.body),
  );

  app.get(
    '/doctors/:id/time-off',
    { schema: { tags, params: doctorParams, querystring: timeOffQuery, response: { 200: page(timeOff) } } },
    async (request) => listTimeOff(requestContext(ctx, request), request.params.id, request.query),
  );

  app.post(
    '/doctors/:id/time-off',
    { schema: { tags, params: doctorParams, body: timeOffBody, response: { 201: timeOff } } },
    async (request, reply) =>
      reply.code(201).send(await addTimeOff(requestContext(ctx, request), request.params.id, request.body)),
  );

  app.delete(
    '/doctors/:id/time-off/:timeOffId',
    { schema: { tags, params: timeOffParams } },
    async (request, reply) => {
      await removeTimeOff(requestContext(ctx, request), request.params.id, request.params.timeOffId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/doctors/:id/slots',
    { schema: { tags, params: doctorParams, querystring: slotsQuery, response: { 200: slotsResponse } } },
    async (request) => listFreeSlots(requestContext(ctx, request), request.params.id, request.query),
  );

  app.post(
    '/doctors/:id/calendar-token',
    { schema: { tags, params: doctorParams, response: { 201: calendarLink } } },
    async (request, reply) =>
      reply.code(201).send(await issueCalendarToken(requestContext(ctx, request), request.params.id)),
  );

  app.delete(
    '/doctors/:id/calendar-token',
    { schema: { tags, params: doctorParams } },
    async (request, reply) => {
      await revokeCalendarToken(requestContext(ctx, request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/calendar/:file',
    { config: { public: true }, schema: { tags, params: calendarParams, security: [] } },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendarFeed(ctx, request.params.file)),
  );

  app.get(
    '/settings/scheduling',
    { schema: { tags, response: { 200: schedulingSettings } } },
    async (request) => getSchedulingSettings(requestContext(ctx, request)),
  );

  app.put(
    '/settings/scheduling',
    { schema: { tags, body: schedulingSettingsBody, response: { 200: schedulingSettings } } },
    async (request) =>
      updateSchedulingSettings(requestContext(ctx, request, 'settings.manage'), request.body),
  );

  app.post(
    '/appointments/:id/reschedule',
    { schema: { tags, params: idParams, body: rescheduleBody, response: { 200: appointment } } },
    async (request) =>
      rescheduleAppointment(
        requestContext(ctx, request, 'appointment.reschedule'),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    '/appointments/:id/changes',
    {
      schema: { tags, params: idParams, querystring: pageQuery, response: { 200: page(appointmentChange) } },
    },
    async (request) =>
      listAppointmentChanges(
        requestContext(ctx, request, 'appointment.read'),
        request.params.id,
        request.query,
      ),
  );

  app.get(
    '/schedule/day',
    { schema: { tags, querystring: dayQuery, response: { 200: dayView } } },
    async (request) => getDayView(requestContext(ctx, request), request.query),
  );

  app.get(
    '/schedule/follow-up',
    { schema: { tags, querystring: pageQuery, response: { 200: page(followUpItem) } } },
    async (request) => listFollowUp(requestContext(ctx, request), request.query),
  );

  app.get(
    '/recalls',
    { schema: { tags, querystring: recallsQuery, response: { 200: page(recall) } } },
    async (request) => listRecalls(requestContext(ctx, request, 'recall.read'), request.query),
  );

  app.post(
    '/recalls/:id/dismiss',
    { schema: { tags, params: idParams, response: { 200: recall } } },
    async (request) => dismissPatientRecall(requestContext(ctx, request, 'recall.read'), request.params.id),
  );
};
