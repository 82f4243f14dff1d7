import { z } from 'zod';
import { id, optionalTimestamp, pageQuery, timestamp } from './common.ts';

export const notification = z.object({
  id,
  type: z.string(),
  appointmentId: id.nullable(),
  title: z.string(),
  message: z.string(),
  createdAt: timestamp,
  readAt: optionalTimestamp,
});
export type Notification = z.infer<typeof notification>;

export const notificationsQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const notificationsPage = z.object({
  items: z.array(notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
