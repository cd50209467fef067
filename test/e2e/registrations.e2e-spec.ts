import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ApiHarness, expectProblem } from '../support/api-harness';

interface Registration {
  aor: string;
  contact: string;
  expiresAt: string;
}
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * GET /v1/registrations pages like every list (limit 1–100, default 20, cursors). The rows are written the way
 * the edge's usrloc writes them (write-through into `location`); edge-registrations.e2e-spec.ts covers the
 * edge itself.
 */
describe('Registrations list (e2e)', () => {
  let api: ApiHarness;
  let pool: Pool;
  let acme: { sipDomain: string; key: string };
  let globex: { sipDomain: string; key: string };
  const usernames = Array.from({ length: 45 }, (_, i) => `user${String(i % 15).padStart(2, '0')}`);

  async function register(username: string, domain: string, expiresInSeconds = 3600): Promise<void> {
    await pool.query(
      `INSERT INTO location (ruid, username, domain, contact, received, expires, user_agent, socket)
       VALUES ($1, $2, $3, $4, $5, (now() AT TIME ZONE 'UTC') + make_interval(secs => $6), 'test-phone', $7)`,
      [
        randomUUID(),
        username,
        domain,
        `sip:${username}@192.0.2.10:${5060 + Math.floor(Math.random() * 1000)}`,
        'sip:192.0.2.10:5060;transport=udp',
        expiresInSeconds,
        'udp:127.0.0.1:5060',
      ],
    );
  }

  beforeAll(async () => {
    api = await ApiHarness.start();
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    acme = await api.createTenant('Registrations Acme');
    globex = await api.createTenant('Registrations Globex');
    // Three contacts per username (a phone, a laptop, a browser), in no particular order.
    for (const username of [...usernames].reverse()) await register(username, acme.sipDomain);
    await register('expired', acme.sipDomain, -60);
    await register('other', globex.sipDomain);
  });
  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  const list = (query: string, key = acme.key) =>
    api.request<Page<Registration>>('GET', `/v1/registrations${query}`, { key });

  it('answers 20 by default, with a cursor to the rest', async () => {
    const first = await list('');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('honours limit and walks every live registration exactly once, by username', async () => {
    const seen: Registration[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=7&cursor=${cursor}` : '?limit=7';
      const page = await list(query);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(7); // 45 rows: 6 full pages and 3 rows
    expect(seen.map((registration) => registration.aor)).toEqual(
      [...usernames].sort().map((username) => `sip:${username}@${acme.sipDomain}`),
    );
    expect(new Set(seen.map((registration) => registration.contact)).size).toBe(45);
  });

  it('limit=100 is the most; 0, 101 and forged cursors are 400', async () => {
    expect((await list('?limit=100')).body).toEqual({ data: expect.any(Array), nextCursor: null });
    expectProblem(await list('?limit=0'), 400);
    expectProblem(await list('?limit=101'), 400);
    for (const cursor of [
      'abc',
      Buffer.from('["a","b"]').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
    ]) {
      expectProblem(await list(`?cursor=${cursor}`), 400);
    }
  });

  it("never lists another account's registrations", async () => {
    expect((await list('?limit=100', globex.key)).body.data.map((registration) => registration.aor)).toEqual([
      `sip:other@${globex.sipDomain}`,
    ]);
  });
});
