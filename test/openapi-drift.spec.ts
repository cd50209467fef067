import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..');
const SCHEMA_PATH = join(ROOT, 'apps/dashboard/src/api/schema.d.ts');

/** Like the migrations check: the committed dashboard client types must be what the API's document makes now. */
describe('Dashboard API types (apps/dashboard/src/api/schema.d.ts)', () => {
  it('match the OpenAPI document (else run npm run api:generate and commit the result)', async () => {
    // The generator needs no database, Redis or configuration: run it with an empty environment.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/api/src/openapi-client-schema.ts', '--stdout'],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, maxBuffer: 32 * 1024 * 1024 },
    );
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(stdout);
  }, 120_000);
});
