import type { FastifyServerOptions } from 'fastify';

/** Logs carry requests' method, route and status, never tokens, cookies or patient fields. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.email',
        '*.phone',
        '*.name',
        '*.password',
        '*.recipient',
        '*.notes',
        '*.message',
        '*.dateOfBirth',
        '*.address',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request) => ({ method: request.method, url: request.url.split('?')[0], id: request.id }),
    },
  };
}
