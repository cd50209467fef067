import 'reflect-metadata';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocumentOffline } from '../apps/api/src/openapi';
import { type OpenApiDocument, OpenApiValidator } from './support/openapi-validator';

/** The document as a contract: exact types, every error a problem, and a validator that catches mismatches. */
describe('OpenAPI document', () => {
  let document: OpenAPIObject;
  let validator: OpenApiValidator;

  beforeAll(async () => {
    document = await buildOpenApiDocumentOffline();
    // The served document is JSON: validate what a client parses from /openapi.json.
    validator = new OpenApiValidator(JSON.parse(JSON.stringify(document)) as OpenApiDocument);
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );

  it('types SwitchAccountDto.accountId as a nullable UUID string', () => {
    expect(document.components?.schemas?.SwitchAccountDto).toMatchObject({
      properties: { accountId: { type: 'string', format: 'uuid', nullable: true } },
    });
  });

  it('documents 429 and 503 with Retry-After on every /v1 operation, 401/403 on every authenticated one', () => {
    for (const { path, method, operation } of operations().filter((o) => o.path.startsWith('/v1/'))) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, operation.responses[429]?.headers?.['Retry-After']]).toEqual([where, expect.any(Object)]);
      expect([where, operation.responses[503]?.headers?.['Retry-After']]).toEqual([where, expect.any(Object)]);
      if (operation.security?.length)
        expect([where, operation.responses[401], operation.responses[403]]).toEqual([
          where,
          expect.any(Object),
          expect.any(Object),
        ]);
    }
  });

  it('gives every 4xx/5xx response a body schema (the problem document, readiness for /readyz)', () => {
    for (const { path, method, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const content = (response as { content?: Record<string, unknown> }).content ?? {};
        expect([`${method} ${path} ${status}`, Object.keys(content)]).toEqual([
          `${method} ${path} ${status}`,
          [path === '/readyz' ? 'application/json' : 'application/problem+json'],
        ]);
      }
    }
  });

  it('accepts a conforming response and rejects undocumented statuses, fields and types', () => {
    const conforming = {
      id: '01a23ba6-2731-7574-a8cc-d2cdd77e6a76',
      username: 'alice',
      displayName: null,
      enabled: true,
      srtp: 'offer',
      dtmf: 'rfc4733',
      sipUri: 'sip:alice@acme.callwire.localhost',
      createdAt: '2026-12-03T10:00:00.000Z',
      updatedAt: '2026-12-03T10:00:00.000Z',
    };
    const path = `/v1/sip-users/${conforming.id}`;
    expect(validator.check('GET', path, 200, 'application/json', conforming)).toEqual([]);
    expect(validator.check('GET', path, 500, 'application/problem+json', {})).toEqual([
      expect.stringContaining('status not documented'),
    ]);
    expect(validator.check('GET', path, 200, 'application/json', { ...conforming, secret: 'x' })).not.toEqual([]);
    expect(validator.check('GET', path, 200, 'application/json', { ...conforming, enabled: 'yes' })).not.toEqual([]);
    expect(validator.check('GET', path, 404, 'application/json', { title: 'Not Found' })).not.toEqual([]);
    expect(validator.check('POST', '/v1/nowhere', 200, 'application/json', {})).not.toEqual([]);
  });
});
