import { createEvent, createEvents, type EventAttributes } from 'ics';

export type CalendarVisit = {
  id: string;
  startAt: Date;
  endAt: Date;
  title: string;
  description?: string;
  location?: string;
  tentative?: boolean;
};

const productId = 'ecms/eye-clinic';

function toEvent(visit: CalendarVisit): EventAttributes {
  return {
    uid: `${visit.id}@ecms`,
    start: visit.startAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: visit.endAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: visit.title,
    ...(visit.description ? { description: visit.description } : {}),
    ...(visit.location ? { location: visit.location } : {}),
    status: visit.tentative ? 'TENTATIVE' : 'CONFIRMED',
    busyStatus: 'BUSY',
    productId,
  };
}

function unwrap(result: { error: Error | null; value: string | null }): string {
  if (result.error || result.value === null) throw result.error ?? new Error('calendar could not be built');
  return result.value;
}

/** The .ics of one confirmed visit, attached to the patient's confirmation e-mail. */
export function appointmentIcs(visit: {
  appointmentId: string;
  startAt: Date;
  endAt: Date;
  doctorName: string;
  clinicName: string;
}): string {
  return unwrap(
    createEvent({
      ...toEvent({
        id: visit.appointmentId,
        startAt: visit.startAt,
        endAt: visit.endAt,
        title: `Eye appointment with ${visit.doctorName}`,
        location: visit.clinicName,
        description: `Your appointment with ${visit.doctorName} at ${visit.clinicName}. Please arrive 10 minutes early.`,
      }),
      method: 'PUBLISH',
    }),
  );
}

/** A doctor's feed: one event per visit, named by the caller with patient initials only. */
export function calendarFeedIcs(calendarName: string, visits: CalendarVisit[]): string {
  if (visits.length === 0) {
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${productId}`,
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${calendarName.replace(/[\r\n]/g, ' ')}`,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  return unwrap(createEvents(visits.map(toEvent), { productId, method: 'PUBLISH', calName: calendarName }));
}
