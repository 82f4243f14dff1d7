import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

export const webRoot = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * Serves the built web app at `/`. Any other GET outside /api answers index.html, so that a
 * bookmarked screen such as /appointments/… opens the app, which then routes it. /api keeps its
 * problem+json 404.
 */
export const webPlugin = fp(async (app: FastifyInstance, options: { root?: string } = {}) => {
  const root = options.root ?? webRoot;
  if (!existsSync(`${root}index.html`)) {
    app.log.warn('the web app is not built (npm run build:web); serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders(response, path) {
      // File names under assets/ carry a content hash: they never change.
      response.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const sendApp = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendApp(reply));
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) return reply.callNotFound();
    return sendApp(reply);
  });
});
