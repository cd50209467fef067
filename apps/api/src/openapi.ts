import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ACCOUNT_SECURITY, ADMIN_SECURITY } from './auth/auth.decorators';

/** Serves the OpenAPI document generated from the controllers at /openapi.json and Swagger UI at /docs. */
export function setupOpenApi(app: INestApplication): void {
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
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
