import fc from 'fast-check';
import type { OpenApiDocument } from './openapi-validator';

type Schema = Readonly<Record<string, unknown>>;

const JUNK_STRINGS = [
  '',
  ' ',
  'null',
  '0',
  '-1',
  '1e309',
  'NaN',
  '%00',
  '../../etc',
  "' OR 1=1 --",
  '<x>',
  'é☎',
  'a'.repeat(300),
];

/** Any JSON value: what a careless or hostile client might send in place of anything. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, '', [], {}),
  fc.constantFrom(...JUNK_STRINGS),
  fc.jsonValue({ maxDepth: 2 }),
);

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return (document.components.schemas[name] ?? {}) as Schema;
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 64) : 32;
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case 'uri':
    case 'url':
      return fc.webUrl();
    case 'email':
      return fc.emailAddress();
  }
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 256);
  }
  return fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
}

/**
 * Values that follow a schema (types, enums, bounds, required fields): "valid-looking" input, which the API
 * may still refuse for its own reasons (a duplicate, a private address, an unknown reference).
 */
export function arbitraryOf(document: OpenApiDocument, input: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, input);
  const value = shapeOf(document, schema, depth);
  return schema.nullable === true ? fc.oneof(value, fc.constant(null)) : value;
}

function shapeOf(document: OpenApiDocument, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return arbitraryOf(document, schema.allOf[0] as Schema, depth);
  }
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const options = (schema.oneOf ?? schema.anyOf) as Schema[];
    return fc.oneof(...options.map((option) => arbitraryOf(document, option, depth)));
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 100_000;
      return schema.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const items = arbitraryOf(document, (schema.items ?? {}) as Schema, depth + 1);
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, 4) : 3;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'object':
    case undefined: {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      if (depth > 3 || Object.keys(properties).length === 0) return fc.constant({});
      const model = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, arbitraryOf(document, property, depth + 1)]),
      );
      const requiredKeys = (Array.isArray(schema.required) ? schema.required : []) as string[];
      return fc.record(model, { requiredKeys });
    }
    default:
      return anyJson;
  }
}

/** A schema-valid value with one field broken: null, a wrong type, junk, or a field the schema does not have. */
export function brokenValueOf(document: OpenApiDocument, schema: Schema): fc.Arbitrary<unknown> {
  return fc
    .tuple(arbitraryOf(document, schema), fc.constantFrom('null', 'junk', 'unknown'), anyJson, fc.nat())
    .map(([value, how, junk, pick]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return junk;
      const record: Record<string, unknown> = { ...value };
      const keys = Object.keys(record);
      const key = keys.length > 0 ? keys[pick % keys.length] : undefined;
      if (how === 'unknown' || !key) record[`unknown${pick % 10}`] = junk;
      else record[key] = how === 'null' ? null : junk;
      return record;
    });
}
