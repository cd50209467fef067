import 'reflect-metadata';
import openapiTS, { astToString } from 'openapi-typescript';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocumentOffline } from './openapi';

/** The dashboard's API types, generated from the OpenAPI document (committed; test/openapi-drift.spec.ts). */
export const DASHBOARD_SCHEMA_PATH = join(__dirname, '../../dashboard/src/api/schema.d.ts');

const HEADER =
  "// Generated from the API's OpenAPI document by `npm run api:generate` (openapi-typescript): do not edit.\n\n";

/** The TypeScript declarations openapi-typescript makes from the document, as the committed file holds them. */
export async function generateDashboardSchema(): Promise<string> {
  const document = await buildOpenApiDocumentOffline();
  const ast = await openapiTS(JSON.stringify(document), {
    exportType: true,
    alphabetize: true,
    defaultNonNullable: false,
  });
  return HEADER + astToString(ast);
}

// `--stdout` prints instead of writing: the drift test runs this outside Jest, which cannot load
// openapi-typescript's ESM-only dependencies (Node loads them with require(esm)).
if (require.main === module) {
  void generateDashboardSchema().then((schema) => {
    if (process.argv.includes('--stdout')) process.stdout.write(schema);
    else {
      writeFileSync(DASHBOARD_SCHEMA_PATH, schema);
      console.log(`wrote ${DASHBOARD_SCHEMA_PATH}`);
    }
  });
}
