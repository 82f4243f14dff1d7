import type { NotificationType } from '../../shared/domain/appointment-states.ts';
import type { Config } from '../config.ts';
import type { EmailMessage, SmsMessage } from './channels/types.ts';
import type { ClaimedDelivery } from './repository.ts';
import { type MessageContext, renderEmail, renderSms } from './templates.ts';

/** Turns a claimed outbox row into the message its channel sends. */
export function composeDelivery(
  config: Config,
  delivery: ClaimedDelivery,
): { channel: 'EMAIL'; message: EmailMessage } | { channel: 'SMS'; message: SmsMessage } {
  const type = delivery.type as NotificationType;
  const context: MessageContext = {
    type,
    title: delivery.title,
    message: delivery.message,
    appointment:
      delivery.appointmentId && delivery.startAt && delivery.endAt
        ? {
            id: delivery.appointmentId,
            doctorName: delivery.doctorName ?? 'your doctor',
            startAt: delivery.startAt,
            endAt: delivery.endAt,
          }
        : null,
    clinicName: config.clinicName,
    publicUrl: config.publicUrl,
    timezone: config.timezone,
  };
  if (delivery.channel === 'SMS') {
    return {
      channel: 'SMS',
      message: { deliveryId: delivery.id, type, to: delivery.recipient, body: renderSms(context) },
    };
  }
  return {
    channel: 'EMAIL',
    message: { deliveryId: delivery.id, type, to: delivery.recipient, ...renderEmail(context) },
  };
}
