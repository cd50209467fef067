import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface MediaType {
  readonly schema?: unknown;
}
interface Response {
  readonly content?: Readonly<Record<string, MediaType>>;
}
export interface Operation {
  readonly responses: Readonly<Record<string, Response>>;
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly schema?: unknown }[];
  readonly requestBody?: { readonly content: Readonly<Record<string, MediaType>> };
  readonly security?: readonly Readonly<Record<string, unknown>>[];
}
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
}

const DOCUMENT_ID = 'openapi';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * OpenAPI 3.0 schema → JSON Schema as the API must honour it: `nullable` becomes a null alternative, objects
 * that list their properties allow no others (the document must name every field the API sends), and
 * references point into the document registered with Ajv.
 */
export function toStrictJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toStrictJsonSchema);
  if (!isRecord(schema)) return schema;
  const { nullable, ...rest } = schema;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') converted[key] = `${DOCUMENT_ID}${value}`;
    else if (key === 'properties' && isRecord(value)) {
      converted[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toStrictJsonSchema(s)]));
    } else if (key === 'example' || key === 'examples') continue;
    else converted[key] = toStrictJsonSchema(value);
  }
  if (isRecord(converted.properties) && converted.additionalProperties === undefined) {
    converted.additionalProperties = false;
  }
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

interface Route {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly literalLength: number;
}

/** Checks API responses against the live OpenAPI document: documented status, content type and body schema. */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Route[];

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(
      { $id: DOCUMENT_ID, components: { schemas: toStrictJsonSchema(document.components.schemas) } },
      DOCUMENT_ID,
    );
    this.routes = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.keys(item).map((method) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
      })),
    );
  }

  static async load(baseUrl: string): Promise<OpenApiValidator> {
    const response = await fetch(`${baseUrl}/openapi.json`);
    if (!response.ok) throw new Error(`GET /openapi.json: ${response.status}`);
    return new OpenApiValidator((await response.json()) as OpenApiDocument);
  }

  /** The documented operation a request reaches (the most specific path template), if any. */
  operationOf(method: string, path: string): { template: string; operation: Operation } | undefined {
    const route = this.routes
      .filter((r) => r.method === method.toUpperCase() && r.pattern.test(path))
      .sort((a, b) => b.literalLength - a.literalLength)[0];
    const operation = route && this.document.paths[route.template]?.[route.method.toLowerCase()];
    return route && operation ? { template: route.template, operation } : undefined;
  }

  /** What is wrong with a response to `method path` (path without the query), or [] when it matches the document. */
  check(method: string, path: string, status: number, contentType: string, body: unknown): string[] {
    const found = this.operationOf(method, path);
    if (!found) {
      // Outside the document: the unversioned pages and files; under /v1 only "no such route" may answer.
      return path.startsWith('/v1/') && status !== 404 ? [`no documented operation answers ${status}`] : [];
    }
    const where = `${method.toUpperCase()} ${found.template} → ${status}`;
    const response = found.operation.responses[String(status)] ?? found.operation.responses.default;
    if (!response) return [`${where}: status not documented`];
    const mediaType = contentType.split(';')[0]?.trim() ?? '';
    if (!response.content) {
      return body === '' || body === undefined ? [] : [`${where}: documented without a body, got ${mediaType}`];
    }
    const documented = response.content[mediaType];
    if (!documented) return [`${where}: content type ${mediaType || '(none)'} not documented`];
    if (documented.schema === undefined) return [];
    const validate = this.validatorFor(`${where} ${mediaType}`, documented.schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message ?? 'is invalid'}`);
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toStrictJsonSchema(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
