import { createServer } from 'node:net';
import { Client } from 'pg';
import { ApiHarness } from '../support/api-harness';
import { withDatabase } from '../support/test-run';

/** A loopback port nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port'))));
    });
  });
}

/**
 * PostgreSQL down, or refusing connections: requests get a 503 problem with Retry-After, never a 500, and an
 * account key is not called invalid (401) just because it cannot be checked.
 */
describe('Database unavailable → 503 (e2e)', () => {
  const runDatabaseUrl = process.env.DATABASE_URL ?? '';
  const adminKey = process.env.ADMIN_API_KEY ?? '';
  const accountKey = `cw_aaaaaaaaaaaa_${'A'.repeat(43)}`;

  async function expectUnavailable(api: ApiHarness): Promise<void> {
    const requests: [string, string, string, unknown?][] = [
      ['GET', '/v1/accounts', adminKey],
      ['POST', '/v1/accounts', adminKey, { name: 'Nowhere' }],
      ['GET', '/v1/sip-users', accountKey],
    ];
    for (const [method, path, key, body] of requests) {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as Record<string, unknown>;
      expect(problem).toMatchObject({ status: 503, title: 'Service Unavailable', instance: path });
      expect(JSON.stringify(problem)).not.toMatch(/prisma|ECONNREFUSED|127\.0\.0\.1|connections/i);
    }
    // The process itself is fine, and says what is missing.
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/readyz`)).status).toBe(503);
  }

  afterEach(() => {
    process.env.DATABASE_URL = runDatabaseUrl;
  });

  it('PostgreSQL not listening (ECONNREFUSED)', async () => {
    const url = new URL(runDatabaseUrl);
    url.port = String(await closedPort());
    process.env.DATABASE_URL = url.toString();
    const api = await ApiHarness.start();
    try {
      await expectUnavailable(api);
    } finally {
      await api.close();
    }
  });

  it('PostgreSQL out of connections (SQLSTATE 53300, as "too many clients")', async () => {
    const database = `${process.env.CALLWIRE_TEST_DATABASE}_full`;
    const admin = new Client({ connectionString: runDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    // Not one connection more for anyone but a superuser: the server refuses each new one with 53300.
    await admin.query(`ALTER DATABASE "${database}" CONNECTION LIMIT 0`);
    process.env.DATABASE_URL = withDatabase(runDatabaseUrl, database);
    const api = await ApiHarness.start();
    try {
      await expectUnavailable(api);
    } finally {
      await api.close();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
