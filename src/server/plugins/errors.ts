import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus, type FieldError } from '../../shared/domain/errors.ts';

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Sign-in required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  INVALID_TRANSITION: 'Not possible in the current state',
  SLOT_TAKEN: 'That time is already taken',
  ALREADY_PAID: 'The bill is already paid',
  EMAIL_TAKEN: 'That e-mail address is already registered',
  CONFLICT: 'Conflict',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  RATE_LIMITED: 'Too many attempts',
  INTERNAL: 'Something went wrong',
  UNAVAILABLE: 'Service unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  errors?: FieldError[],
  status: number = errorStatus[code],
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `about:blank#${code.toLowerCase().replaceAll('_', '-')}`,
      title: titles[code],
      status,
      detail,
      code,
      requestId: request.id,
      ...(errors ? { errors } : {}),
    });
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/**
 * What of an unexpected error may go to the log: its kind, codes and stack frames, but not its
 * message, which for a failed query carries the query's parameters, i.e. patient data.
 */
export function describeForLog(error: unknown): Record<string, unknown> {
  const err = error as { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const frames =
    typeof err.stack === 'string'
      ? err.stack.split('\n').filter((line) => line.trimStart().startsWith('at '))
      : [];
  const cause = err.cause as { name?: unknown; code?: unknown } | undefined;
  return {
    type: err.name,
    code: err.code,
    causeType: cause?.name,
    causeCode: cause?.code,
    frames: frames.slice(0, 12).map((line) => line.trim()),
  };
}

/** One place turns every error into an RFC 9457 problem document; 5xx carry no internals. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(reply, request, error.code, error.message, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is not valid',
      }));
      return sendProblem(reply, request, 'VALIDATION_FAILED', 'Some fields are not valid', errors);
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) {
      const status = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : errorStatus[mapped];
      return sendProblem(reply, request, mapped, error.message, undefined, status);
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, request, 'RATE_LIMITED', 'Too many attempts; try again later');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, request, 'VALIDATION_FAILED', error.message, undefined, error.statusCode);
    }
    request.log.error({ err: describeForLog(error) }, 'request failed');
    return sendProblem(
      reply,
      request,
      'INTERNAL',
      `The server could not complete the request (id ${request.id})`,
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
});
