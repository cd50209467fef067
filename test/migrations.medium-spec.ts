import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, prismaEnv } from './support/test-run';

/**
 * schema.prisma is the single source of truth. `prisma migrate diff --exit-code` replays the
 * migrations into a shadow database and compares the result with the schema: 0 = same, 2 = drift.
 */
function diffMigrationsAgainst(schemaPath: string): { status: number | null; output: string } {
  const result = spawnSync(
    'npx',
    [
      '--no-install',
      'prisma',
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema-datamodel',
      schemaPath,
      '--exit-code',
    ],
    { cwd: ROOT, env: prismaEnv(process.env.DATABASE_URL ?? ''), encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('migrations', () => {
  it('match prisma/schema.prisma exactly (no drift)', () => {
    const { status, output } = diffMigrationsAgainst('prisma/schema.prisma');
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('No difference detected') });
  });

  it('the check does catch drift: a schema with an extra column differs', () => {
    const schema = readFileSync(resolve(ROOT, 'prisma/schema.prisma'), 'utf8');
    const drifted = schema.replace('@@map("accounts")', 'drift String?\n\n  @@map("accounts")');
    expect(drifted).not.toBe(schema);
    const path = join(mkdtempSync(join(tmpdir(), 'callwire-drift-')), 'schema.prisma');
    writeFileSync(path, drifted);
    const { status, output } = diffMigrationsAgainst(path);
    expect(status).toBe(2);
    expect(output).toContain('drift');
  });
});
