import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ACCOUNT_SECURITY, ADMIN_SECURITY } from './auth/auth.decorators';
import { applyHttpConventions } from './bootstrap';
import { FieldErrorDto, ProblemDto, documentProblems } from './common/openapi-responses';

/** The OpenAPI document of the app's controllers, error responses completed (see documentProblems). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Callwire API')
    .setDescription('Self-hosted cloud communications platform. Errors are RFC 9457 application/problem+json.')
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'Platform admin key (ADMIN_API_KEY)' },
      ADMIN_SECURITY,
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Account API key (cw_…)' }, ACCOUNT_SECURITY)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto, FieldErrorDto] });
  documentProblems(document);
  return document;
}

/** Serves the OpenAPI document at /openapi.json and Swagger UI at /docs; returns the document. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  return document;
}

/**
 * The same document without a database, Redis or configuration: Nest's preview mode builds the module graph
 * without instantiating providers, which is all the document needs (npm run api:generate, the drift test).
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  applyHttpConventions(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  return document;
}
