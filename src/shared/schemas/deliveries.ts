import { z } from 'zod';
import { id, idParams, optionalTimestamp, pageQuery, personRef, timestamp } from './common.ts';

export const deliveryStatuses = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'] as const;
export const deliveryChannels = ['EMAIL', 'SMS'] as const;

export const deliveriesQuery = pageQuery.extend({
  status: z.enum(deliveryStatuses).optional(),
  channel: z.enum(deliveryChannels).optional(),
  patientId: id.optional(),
  type: z
    .string()
    .regex(/^[A-Z_]{1,40}$/)
    .optional(),
});

/** One e-mail or SMS of a notification, as the clinic manager checks it; never the address or text. */
export const delivery = z.object({
  id,
  notificationId: id,
  type: z.string(),
  channel: z.enum(deliveryChannels),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  dueAt: timestamp,
  sentAt: optionalTimestamp,
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  lastError: z.string().nullable(),
  patient: personRef,
  createdAt: timestamp,
});
export type Delivery = z.infer<typeof delivery>;

export const deliveriesPage = z.object({ items: z.array(delivery), nextCursor: z.string().nullable() });

export const deliverySummary = z.object({
  pending: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
});
export type DeliverySummary = z.infer<typeof deliverySummary>;

export const deliveryParams = idParams;
