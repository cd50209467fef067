import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The subset of JSON Schema that fast-json-stringify needs to write a response. */
export interface SerializationSchema {
  type?: string | string[];
  properties?: Record<string, SerializationSchema>;
  required?: string[];
  items?: SerializationSchema;
  additionalProperties?: boolean | SerializationSchema;
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
}

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown for a schema this module does not turn into a serializer (oneOf, anyOf, …): the route keeps JSON.stringify. */
class UnsupportedSchema extends Error {}

const COPIED = ['type', 'required', 'enum', 'format', 'nullable'] as const;

/**
 * An OpenAPI 3.0 schema of the document as a self-contained serialization schema: references resolved, the
 * single-member allOf Nest's generator writes for nullable or enum references merged into their parent, and
 * objects without listed properties (free-form) written whole. Documented fields only, as the contract says.
 */
export function serializationSchema(
  schema: unknown,
  components: Json,
  seen: readonly string[] = [],
): SerializationSchema {
  if (!isJson(schema)) throw new UnsupportedSchema('not a schema');
  if ('oneOf' in schema || 'anyOf' in schema || 'not' in schema) throw new UnsupportedSchema('alternatives');
  const { $ref, allOf, ...own } = schema;
  let result = keywords(own, components, seen);
  if (typeof $ref === 'string') {
    const name = $ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new UnsupportedSchema(`recursive schema ${name}`);
    result = combine(serializationSchema(components[name], components, [...seen, name]), result);
  }
  if (allOf !== undefined) {
    if (!Array.isArray(allOf)) throw new UnsupportedSchema('allOf');
    for (const member of allOf) result = combine(serializationSchema(member, components, seen), result);
  }
  // A free-form object (no listed properties) is written whole.
  if (result.type === 'object' && !result.properties && result.additionalProperties === undefined) {
    result.additionalProperties = true;
  }
  return result;
}

/** A schema's own keywords, its properties and items converted. */
function keywords(schema: Json, components: Json, seen: readonly string[]): SerializationSchema {
  const result: SerializationSchema = {};
  for (const key of COPIED) if (schema[key] !== undefined) Object.assign(result, { [key]: schema[key] });
  if (isJson(schema.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [
        name,
        serializationSchema(property, components, seen),
      ]),
    );
  }
  if (schema.items !== undefined) result.items = serializationSchema(schema.items, components, seen);
  if (isJson(schema.additionalProperties)) {
    result.additionalProperties = serializationSchema(schema.additionalProperties, components, seen);
  } else if (schema.additionalProperties === true) {
    result.additionalProperties = true;
  }
  return result;
}

/** `own` (the parent's keywords) over `member` (the referenced schema or an allOf member). */
function combine(member: SerializationSchema, own: SerializationSchema): SerializationSchema {
  const merged: SerializationSchema = { ...member, ...own };
  if (member.properties || own.properties) merged.properties = { ...member.properties, ...own.properties };
  if (member.required || own.required) {
    merged.required = [...new Set([...(member.required ?? []), ...(own.required ?? [])])];
  }
  if (merged.properties && merged.additionalProperties === true && !own.additionalProperties) {
    delete merged.additionalProperties; // the member was free-form, the parent lists the fields
  }
  return merged;
}

/** Fastify's `/v1/sip-users/:id` as the document's `/v1/sip-users/{id}`. */
const documentPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Per operation, the serialization schemas of its JSON success responses (status → schema). Operations whose
 * schemas use constructs left to JSON.stringify are absent.
 */
export function responseSchemas(document: OpenAPIObject): Map<string, Record<number, SerializationSchema>> {
  const components: Json = { ...document.components?.schemas };
  const schemas = new Map<string, Record<number, SerializationSchema>>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { responses?: Json }>)) {
      const byStatus: Record<number, SerializationSchema> = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const code = Number(status);
        const content = isJson(response) && isJson(response.content) ? response.content : undefined;
        const json = content?.['application/json'];
        if (code < 200 || code >= 300 || !isJson(json) || json.schema === undefined) continue;
        try {
          byStatus[code] = serializationSchema(json.schema, components);
        } catch (error) {
          if (!(error instanceof UnsupportedSchema)) throw error;
        }
      }
      if (Object.keys(byStatus).length > 0) schemas.set(`${method.toUpperCase()} ${path}`, byStatus);
    }
  }
  return schemas;
}

/**
 * Writes documented JSON responses with serializers compiled from the OpenAPI document (Fastify's response
 * schemas, fast-json-stringify) instead of JSON.stringify: a list page is written about 2.5× faster. Routes
 * are matched as Nest registers them, so this must run before the app initialises.
 */
export function serializeResponsesFromDocument(fastify: FastifyInstance, document: OpenAPIObject): void {
  const schemas = responseSchemas(document);
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.length !== 1 || route.schema?.response) return;
    const response = schemas.get(`${methods[0]} ${documentPath(route.url)}`);
    if (response) route.schema = { ...route.schema, response };
  });
}
