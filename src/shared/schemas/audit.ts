import { z } from 'zod';
import { id, pageQuery, timestamp } from './common.ts';

export const auditQuery = pageQuery.extend({
  patientId: id.optional(),
  actorId: id.optional(),
  action: z.string().max(100).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
});

export const auditEvent = z.object({
  id,
  at: timestamp,
  actorId: id.nullable(),
  actorRole: z.string().nullable(),
  patientId: id.nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  outcome: z.enum(['SUCCESS', 'DENIED', 'FAILED']),
  requestId: z.string().nullable(),
});
