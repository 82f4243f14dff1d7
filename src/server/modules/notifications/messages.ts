import type { NotificationType } from '../../../shared/domain/appointment-states.ts';
import { formatVisitDay, formatVisitTime } from '../../../shared/domain/clinic-time.ts';
import { formatMoney } from '../../../shared/domain/money.ts';

export type MessageFacts = {
  doctorName: string;
  startAt: Date;
  timezone: string;
  clinicName: string;
  note?: string | null | undefined;
  amountCents?: number | undefined;
  currency?: string | undefined;
  previousStartAt?: Date | undefined;
};

/** The in-app wording of each notification: plain words a patient understands, in the clinic's time zone. */
export function composeMessage(
  type: NotificationType,
  facts: MessageFacts,
): { title: string; message: string } {
  const when = formatVisitTime(facts.startAt, facts.timezone);
  const doctor = facts.doctorName;
  switch (type) {
    case 'APPROVAL':
      return {
        title: 'Your appointment is confirmed',
        message: `${doctor} has confirmed your appointment on ${when}. Please arrive 10 minutes early.`,
      };
    case 'REJECTION':
      return {
        title: 'Your appointment request was declined',
        message: `${doctor} could not accept your request for ${when}. Note from the doctor: ${facts.note ?? ''}`,
      };
    case 'REMINDER':
      return {
        title: 'Payment received',
        message: `Thank you: we received your payment${
          facts.amountCents !== undefined && facts.currency
            ? ` of ${formatMoney(facts.amountCents, facts.currency)}`
            : ''
        } for your visit with ${doctor} on ${when}. Remember to follow your prescription as instructed.`,
      };
    case 'COMPLETION':
      return {
        title: 'Your visit is complete',
        message: `Your visit with ${doctor} on ${when} is complete. Its notes and prescription are in your history.`,
      };
    case 'CANCELLATION':
      return {
        title: 'Appointment cancelled',
        message: `Your appointment with ${doctor} on ${when} has been cancelled.${facts.note ? ` Reason: ${facts.note}` : ''}`,
      };
    case 'NO_SHOW':
      return {
        title: 'We missed you',
        message: `You were expected for your appointment with ${doctor} on ${when}. Please book a new time.`,
      };
    case 'RESCHEDULE':
      return {
        title: 'Appointment moved',
        message: `Your appointment with ${doctor} has moved${
          facts.previousStartAt ? ` from ${formatVisitTime(facts.previousStartAt, facts.timezone)}` : ''
        } to ${when}.`,
      };
    case 'VISIT_REMINDER':
      return {
        title: 'Appointment reminder',
        message: `A reminder of your appointment with ${doctor} on ${when} at ${facts.clinicName}.`,
      };
    case 'RECALL':
      return {
        title: 'Time for your follow-up visit',
        message: `${doctor} asked to see you again around ${formatVisitDay(facts.startAt, facts.timezone)}. Please book your follow-up at ${facts.clinicName}.`,
      };
  }
}
