import { ApiHarness } from '../support/api-harness';

/** The bits of an OpenAPI 3 schema this audit reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** One body field, as validation names it (`outbound.gateways.0.host`), and a body that sets only it to null. */
interface NullCase {
  readonly method: string;
  readonly path: string;
  readonly security: string;
  readonly field: string;
  readonly nullable: boolean;
  readonly body: Record<string, unknown>;
}

const UNKNOWN_ID = '01890000-0000-7000-8000-00000000abcd';

/**
 * Every create and update body of the API, from its own OpenAPI document: each field (nested ones too) is sent
 * as null. A field documented as nullable must take it (no error names it); any other must be refused with a 400
 * naming the field. Nothing may answer 5xx.
 */
describe('null in request bodies, for every field of every operation (e2e)', () => {
  let api: ApiHarness;
  let document: Document;
  let keys: Record<string, string>;

  beforeAll(async () => {
    api = await ApiHarness.start();
    const tenant = await api.createTenant('Null Audit');
    keys = { adminKey: api.adminKey, accountKey: tenant.key };
    document = (await (await fetch(`${api.baseUrl}/openapi.json`)).json()) as Document;
  });
  afterAll(() => api.close());

  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {});
    const [only] = schema.allOf ?? [];
    if (schema.allOf?.length === 1 && only) return { ...resolve(only), nullable: schema.nullable };
    return schema;
  }

  function isNullable(schema: Schema): boolean {
    const types = Array.isArray(schema.type) ? schema.type : [];
    const variants = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
    return schema.nullable === true || types.includes('null') || variants.some((variant) => variant.type === 'null');
  }

  /** Null for each property, then for each property of nested objects (and of objects in arrays). */
  function nullBodies(schema: Schema, prefix: string[]): { field: string[]; nullable: boolean; value: unknown }[] {
    return Object.entries(resolve(schema).properties ?? {}).flatMap(([name, raw]) => {
      const property = resolve(raw);
      const field = [...prefix, name];
      const own = { field, nullable: isNullable(raw) || isNullable(property), value: { [name]: null } };
      const nested = property.properties
        ? nullBodies(property, field).map((inner) => ({ ...inner, value: { [name]: inner.value } }))
        : property.items && resolve(property.items).properties
          ? nullBodies(resolve(property.items), [...field, '0']).map((inner) => ({
              ...inner,
              value: { [name]: [inner.value] },
            }))
          : [];
      return [own, ...nested];
    });
  }

  function cases(): NullCase[] {
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        const security = Object.keys(operation.security?.[0] ?? {})[0] ?? 'none';
        if (!schema || !path.startsWith('/v1/') || !(security in keys || security === 'none')) return [];
        return nullBodies(schema, []).map(({ field, nullable, value }) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{[^}]+\}/g, UNKNOWN_ID),
          security,
          field: field.join('.'),
          nullable,
          body: value as Record<string, unknown>,
        }));
      }),
    );
  }

  it('covers the create and update bodies of the API', () => {
    const covered = new Set(cases().map((nullCase) => `${nullCase.method} ${nullCase.path}`));
    for (const operation of ['POST /v1/sip-users', 'POST /v1/webhooks', 'POST /v1/carriers', 'POST /v1/accounts']) {
      expect(covered).toContain(operation);
    }
    expect(covered).toContain(`PATCH /v1/sip-users/${UNKNOWN_ID}`);
    expect(cases().length).toBeGreaterThan(50);
  });

  it('refuses null for every field not documented as nullable, and takes it where it is', async () => {
    const wrong: string[] = [];
    for (const nullCase of cases()) {
      const key = keys[nullCase.security];
      const response = await fetch(`${api.baseUrl}${nullCase.path}`, {
        method: nullCase.method,
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(nullCase.body),
      });
      const problem = (await response.json()) as { errors?: { field: string; message: string }[] };
      const named = (problem.errors ?? []).some((error) => error.field === nullCase.field);
      const where = `${nullCase.method} ${nullCase.path} ${JSON.stringify(nullCase.body)}`;
      if (response.status >= 500) wrong.push(`${where}: ${response.status}`);
      else if (!nullCase.nullable && (response.status !== 400 || !named)) {
        wrong.push(`${where}: null accepted (${response.status}) for a field not documented as nullable`);
      } else if (nullCase.nullable && named) wrong.push(`${where}: null refused for a nullable field`);
    }
    expect(wrong).toEqual([]);
  });
});
