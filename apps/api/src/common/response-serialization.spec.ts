import type { OpenAPIObject } from '@nestjs/swagger';
import Fastify from 'fastify';
import { responseSchemas, serializationSchema, serializeResponsesFromDocument } from './response-serialization';

const components = {
  Policy: { type: 'string', enum: ['off', 'offer'] },
  Credential: { type: 'object', properties: { username: { type: 'string' } }, required: ['username'] },
  User: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The id', example: 'x' },
      displayName: { type: 'string', nullable: true },
      policy: { allOf: [{ $ref: '#/components/schemas/Policy' }] },
      auth: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Credential' }] },
      metadata: { type: 'object' },
      createdAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'displayName', 'policy', 'auth', 'metadata', 'createdAt'],
  },
  Page: {
    type: 'object',
    properties: { data: { type: 'array', items: { $ref: '#/components/schemas/User' } } },
    required: ['data'],
  },
  Either: { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

const document: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  components: { schemas: components },
  paths: {
    '/v1/users': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } },
          },
        },
      },
    },
    '/v1/users/{id}': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
          },
          '404': { description: 'missing', content: { 'application/problem+json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/v1/either': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Either' } } },
          },
        },
      },
    },
  },
};

describe('response serialization from the OpenAPI document', () => {
  it('resolves references and merges single-member allOf into their parent, nullable kept', () => {
    expect(serializationSchema({ $ref: '#/components/schemas/User' }, components)).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        displayName: { type: 'string', nullable: true },
        policy: { type: 'string', enum: ['off', 'offer'] },
        auth: { type: 'object', nullable: true, properties: { username: { type: 'string' } }, required: ['username'] },
        metadata: { type: 'object', additionalProperties: true },
        createdAt: { type: 'string', format: 'date-time' },
      },
      required: ['id', 'displayName', 'policy', 'auth', 'metadata', 'createdAt'],
    });
  });

  it('keeps JSON success responses only, and leaves alternatives (oneOf) to JSON.stringify', () => {
    const schemas = responseSchemas(document);
    expect([...schemas.keys()]).toEqual(['GET /v1/users', 'GET /v1/users/{id}']);
    expect(Object.keys(schemas.get('GET /v1/users/{id}') ?? {})).toEqual(['200']);
  });

  it('writes what JSON.stringify writes for documented fields, and only those', async () => {
    const fastify = Fastify();
    serializeResponsesFromDocument(fastify, document);
    const user = {
      id: 'u1',
      displayName: null,
      policy: 'offer',
      auth: { username: 'alice' },
      metadata: { any: ['thing', 1] },
      createdAt: new Date('2026-12-03T17:00:00.123Z'),
    };
    fastify.get('/v1/users', () => ({ data: [user, { ...user, auth: null, displayName: 'Bob' }] }));
    fastify.get('/v1/users/:id', () => ({ ...user, passwordHash: 'never sent' }));
    fastify.get('/v1/either', () => ({ anything: true }));
    try {
      const list = await fastify.inject('/v1/users');
      expect(list.body).toBe(JSON.stringify({ data: [user, { ...user, auth: null, displayName: 'Bob' }] }));
      expect((await fastify.inject('/v1/users/u1')).json()).toEqual(JSON.parse(JSON.stringify(user)));
      expect((await fastify.inject('/v1/either')).body).toBe('{"anything":true}');
    } finally {
      await fastify.close();
    }
  });
});
