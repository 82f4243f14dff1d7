import { z } from 'zod';

export const id = z.uuid();
export const idParams = z.strictObject({ id });
/** An action that takes no input still refuses one it does not know: bodies are strict. */
export const emptyBody = z.strictObject({}).nullish();
export const timestamp = z.iso.datetime({ offset: true });
/** A nullable instant on the wire: ISO 8601 with offset, or null. */
export const optionalTimestamp = timestamp.nullable();

/** Free text a person typed: no NUL bytes, trimmed. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const personRef = z.object({ id, name: z.string() });

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;

/** Comma-separated list in a query string, e.g. status=REQUESTED,APPROVED. */
export const csvOf = <T extends [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(values)).min(1));
