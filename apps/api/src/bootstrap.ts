import fastifyCookie from '@fastify/cookie';
import { type NestApplicationOptions, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@callwire/config';
import { AppModule } from './app.module';
import { ProblemDetailsFilter } from './common/problem-details.filter';
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

/** JSON only, /v1 prefix, strict validation, RFC 9457 errors: shared with the controller specs. */
export function applyHttpConventions(app: NestFastifyApplication): void {
  // Parses the dashboard's session cookie; registered before listen/init, which wait for it.
  void app.register(fastifyCookie);
  // Other bodies get 415 instead of reaching validation as strings.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain']);
  app.setGlobalPrefix('v1', { exclude: UNVERSIONED_ROUTES });
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
}

/** Builds the HTTP app exactly as production runs it (main.ts) and as the e2e tests drive it. */
export async function createApiApp(
  options: NestApplicationOptions = { logger: ['log', 'warn', 'error'] },
): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, options);

  app.get(MetricsService).instrument(app.getHttpAdapter().getInstance());
  applyHttpConventions(app);
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
