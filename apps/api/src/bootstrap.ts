import fastifyCookie from '@fastify/cookie';
import { type NestApplicationOptions, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HelmetOptions } from 'helmet';
import { type CallwireConfig, loadConfig } from '@callwire/config';
import { AppModule } from './app.module';
import { answerClientError, answerFrameworkError } from './common/framework-errors';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { serializeResponsesFromDocument } from './common/response-serialization';
import { addResponseHeaders, securityHeaders } from './common/security-headers';
import { StrictValidationPipe } from './common/validation';
import { DASHBOARD_ROUTES } from './dashboard/dashboard.controller';
import { EDGE_ROUTES_PATH } from './edge-routing/edge-routing.controller';
import { MetricsService } from './metrics/metrics.service';
import { setupOpenApi } from './openapi';
import { BROWSER_ROUTES } from './phone/phone.controller';

const UNVERSIONED_ROUTES = [
  ...['healthz', 'readyz', 'metrics', ...Object.values(BROWSER_ROUTES), ...Object.values(DASHBOARD_ROUTES)].map(
    (path) => ({
      path,
      method: RequestMethod.GET,
    }),
  ),
  { path: EDGE_ROUTES_PATH, method: RequestMethod.POST },
];

/**
 * Nest's own body parsers include application/x-www-form-urlencoded: without them only Fastify's JSON parser
 * is left (text/plain is removed below), so any other body gets 415. Pass to every app that serves the API.
 */
export const HTTP_APP_OPTIONS = { bodyParser: false } as const satisfies NestApplicationOptions;

/**
 * Security headers (helmet) on every response. The policy fits the API and its Swagger UI (/docs, whose page
 * has inline styles); the dashboard and the demo phone pages replace it with their own stricter one. HSTS is
 * left to the TLS terminator in front of the API; the SDK script sets its own Cross-Origin-Resource-Policy.
 */
const SECURITY_POLICY: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
    },
  },
  frameguard: { action: 'deny' },
  strictTransportSecurity: false,
};
const SECURITY_HEADERS = securityHeaders(SECURITY_POLICY);

/** JSON only, /v1 prefix, strict validation, RFC 9457 errors, security headers: shared with the controller specs. */
export function applyHttpConventions(app: NestFastifyApplication): void {
  // Parses the dashboard's session cookie; registered before listen/init, which wait for it.
  void app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  // Responses carry keys, secrets and account data: no cache may keep them. Static files set their own caching.
  addResponseHeaders(fastify, { everywhere: { 'cache-control': 'no-store' }, security: SECURITY_HEADERS });
  // Other bodies get 415 instead of reaching validation as strings.
  fastify.removeContentTypeParser(['text/plain']);
  app.setGlobalPrefix('v1', { exclude: UNVERSIONED_ROUTES });
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
}

/**
 * An idle keep-alive connection stays open longer than libcurl would still reuse it (CURLOPT_MAXAGE_CONN,
 * 118 s): the SIP edge keeps one connection per Kamailio process for its routing decisions, and the API must
 * never close one just as a decision is sent on it. (Fastify's default is 72 s.)
 */
export const KEEP_ALIVE_TIMEOUT_MS = 125_000;

/** The API's Fastify adapter: body limit, keep-alive, and answers to errors Nest never sees. */
export function createApiAdapter(config: CallwireConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
}

/**
 * Metrics, HTTP conventions, shutdown hooks and the OpenAPI document on a created API app: with
 * createApiAdapter, what the e2e harness shares with production (it builds the app with its own settings).
 */
export function completeApiApp(app: NestFastifyApplication): NestFastifyApplication {
  app.get(MetricsService).instrument(app.getHttpAdapter().getInstance());
  applyHttpConventions(app);
  app.enableShutdownHooks();
  // The document is the contract: documented JSON responses are written by serializers compiled from it.
  serializeResponsesFromDocument(app.getHttpAdapter().getInstance(), setupOpenApi(app));
  return app;
}

/** Builds the HTTP app as production runs it (main.ts), with the settings of the environment. */
export async function createApiApp(
  options: NestApplicationOptions = { logger: ['log', 'warn', 'error'] },
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createApiAdapter(loadConfig()), {
    ...options,
    ...HTTP_APP_OPTIONS,
  });
  return completeApiApp(app);
}
