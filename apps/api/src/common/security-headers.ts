import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route's responses get no security headers (see NO_SECURITY_HEADERS). */
    securityHeaders?: boolean;
  }
}

/** Route config (`@RouteConfig(NO_SECURITY_HEADERS)`) of a route whose only client is not a browser. */
export const NO_SECURITY_HEADERS = { securityHeaders: false } as const;

/**
 * helmet's headers for a policy, computed once: they depend on the policy only, while @fastify/helmet builds
 * helmet's middleware (and parses the CSP) again for every request.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(response.req, response, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/**
 * Adds `everywhere` to every response and the security headers to every response except on routes configured
 * with NO_SECURITY_HEADERS.
 */
export function addResponseHeaders(
  fastify: FastifyInstance,
  headers: {
    readonly everywhere: Readonly<Record<string, string>>;
    readonly security: Readonly<Record<string, string>>;
  },
): void {
  const all = { ...headers.security, ...headers.everywhere };
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.routeOptions.config.securityHeaders === false ? headers.everywhere : all);
    done();
  });
}
