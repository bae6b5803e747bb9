import { defineMiddleware } from 'astro:middleware';
import { pagePolicy } from './lib/csp.ts';

/** Every HTML page leaves the build with a Content-Security-Policy of its own hashes (src/lib/csp.ts). */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(pagePolicy(await response.text()), response);
});
