import { createHash } from 'node:crypto';
import { ApiHarness, expectProblem } from '../support/api-harness';

interface SipUser {
  id: string;
  username: string;
  displayName: string | null;
  enabled: boolean;
  sipUri: string;
}
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('SIP users (e2e)', () => {
  let api: ApiHarness;
  let acme: { accountId: string; sipDomain: string; key: string };
  let globex: { accountId: string; sipDomain: string; key: string };

  beforeAll(async () => {
    api = await ApiHarness.start();
    acme = await api.createTenant('Acme');
    globex = await api.createTenant('Globex');
  });
  afterAll(() => api.close());

  const storedHa1 = async (id: string) => (await api.prisma.sipUser.findUniqueOrThrow({ where: { id } })).ha1;

  it('creates a user with sipUri and stores only md5(username:sipDomain:password)', async () => {
    const created = await api.request<SipUser>('POST', '/v1/sip-users', {
      key: acme.key,
      body: { username: 'alice', password: 'wonderland-1', displayName: 'Alice' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'alice',
      displayName: 'Alice',
      enabled: true,
      srtp: 'offer',
      dtmf: 'rfc4733',
      sipUri: `sip:alice@${acme.sipDomain}`,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await storedHa1(created.body.id)).toBe(md5(`alice:${acme.sipDomain}:wonderland-1`));
    const row = await api.prisma.sipUser.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(row)).not.toContain('wonderland-1');
  });

  it('never returns the password or HA1 in any response', async () => {
    const created = await api.request<SipUser>('POST', '/v1/sip-users', {
      key: acme.key,
      body: { username: 'secretive', password: 'top-secret-pw' },
    });
    const responses = [
      created,
      await api.request('GET', `/v1/sip-users/${created.body.id}`, { key: acme.key }),
      await api.request('GET', '/v1/sip-users?limit=100', { key: acme.key }),
      await api.request('PATCH', `/v1/sip-users/${created.body.id}`, {
        key: acme.key,
        body: { password: 'new-secret-pw' },
      }),
    ];
    const ha1 = await storedHa1(created.body.id);
    for (const response of responses) {
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/password|ha1|top-secret-pw|new-secret-pw/i);
      expect(text).not.toContain(ha1);
    }
  });

  it('rejects a duplicate username in the same account with 409, allows it in another account', async () => {
    const body = { username: 'bob', password: 'builder-123' };
    expect((await api.request('POST', '/v1/sip-users', { key: acme.key, body })).status).toBe(201);
    expectProblem(await api.request('POST', '/v1/sip-users', { key: acme.key, body }), 409);
    const other = await api.request<SipUser>('POST', '/v1/sip-users', { key: globex.key, body });
    expect(other.status).toBe(201);
    expect(other.body.sipUri).toBe(`sip:bob@${globex.sipDomain}`);
    expect(await storedHa1(other.body.id)).toBe(md5(`bob:${globex.sipDomain}:builder-123`));
  });

  it('rotates the password (new HA1), disables and renames via PATCH', async () => {
    const created = await api.request<SipUser>('POST', '/v1/sip-users', {
      key: acme.key,
      body: { username: 'carol', password: 'first-password' },
    });
    const rotated = await api.request<SipUser>('PATCH', `/v1/sip-users/${created.body.id}`, {
      key: acme.key,
      body: { password: 'second-password' },
    });
    expect(rotated.status).toBe(200);
    expect(await storedHa1(created.body.id)).toBe(md5(`carol:${acme.sipDomain}:second-password`));

    const disabled = await api.request<SipUser>('PATCH', `/v1/sip-users/${created.body.id}`, {
      key: acme.key,
      body: { enabled: false, displayName: 'Carol C.' },
    });
    expect(disabled.body).toMatchObject({ enabled: false, displayName: 'Carol C.', username: 'carol' });
    const cleared = await api.request<SipUser>('PATCH', `/v1/sip-users/${created.body.id}`, {
      key: acme.key,
      body: { displayName: null },
    });
    expect(cleared.body.displayName).toBeNull();
    expect(await storedHa1(created.body.id)).toBe(md5(`carol:${acme.sipDomain}:second-password`));

    expectProblem(await api.request('PATCH', `/v1/sip-users/${created.body.id}`, { key: acme.key, body: {} }), 400);
    const renamed = await api.request('PATCH', `/v1/sip-users/${created.body.id}`, {
      key: acme.key,
      body: { username: 'mallory' },
    });
    expect(expectProblem(renamed, 400).errors).toEqual([{ field: 'username', message: expect.any(String) }]);
  });

  it('refuses null for password and enabled (400 naming the field) and changes nothing; null clears displayName', async () => {
    const created = await api.request<SipUser>('POST', '/v1/sip-users', {
      key: acme.key,
      body: { username: 'nora', password: 'nora-password', displayName: null },
    });
    expect(created.status).toBe(201);
    expect(created.body.displayName).toBeNull();
    const ha1 = await storedHa1(created.body.id);
    for (const field of ['password', 'enabled']) {
      const response = await api.request('PATCH', `/v1/sip-users/${created.body.id}`, {
        key: acme.key,
        body: { [field]: null },
      });
      expect(expectProblem(response, 400).errors).toEqual([
        { field, message: `${field} must not be null (leave it out instead)` },
      ]);
    }
    expect(await storedHa1(created.body.id)).toBe(ha1);
    expect(await storedHa1(created.body.id)).not.toBe(md5(`nora:${acme.sipDomain}:null`));
    const user = await api.request<SipUser>('GET', `/v1/sip-users/${created.body.id}`, { key: acme.key });
    expect(user.body.enabled).toBe(true);
    for (const field of ['username', 'password']) {
      const response = await api.request('POST', '/v1/sip-users', {
        key: acme.key,
        body: { username: 'nils', password: 'nils-password', [field]: null },
      });
      expect((expectProblem(response, 400).errors as { field: string }[]).map((error) => error.field)).toContain(field);
    }
  });

  it('deletes a user', async () => {
    const created = await api.request<SipUser>('POST', '/v1/sip-users', {
      key: acme.key,
      body: { username: 'dave', password: 'password-dave' },
    });
    expect((await api.request('DELETE', `/v1/sip-users/${created.body.id}`, { key: acme.key })).status).toBe(204);
    expectProblem(await api.request('GET', `/v1/sip-users/${created.body.id}`, { key: acme.key }), 404);
    expectProblem(await api.request('DELETE', `/v1/sip-users/${created.body.id}`, { key: acme.key }), 404);
  });

  it('validates fields and lists every invalid one', async () => {
    const response = await api.request('POST', '/v1/sip-users', {
      key: acme.key,
      body: { username: 'has space', password: 'short', displayName: 42, admin: true },
    });
    const body = expectProblem(response, 400);
    const fields = (body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['admin', 'displayName', 'password', 'username']));
  });

  describe('tenant isolation', () => {
    let acmeUser: SipUser;
    beforeAll(async () => {
      acmeUser = (
        await api.request<SipUser>('POST', '/v1/sip-users', {
          key: acme.key,
          body: { username: 'isolated', password: 'isolated-pw' },
        })
      ).body;
    });

    it('answers 404 for another account on GET, PATCH and DELETE, and changes nothing', async () => {
      const before = await api.prisma.sipUser.findUniqueOrThrow({ where: { id: acmeUser.id } });
      expectProblem(await api.request('GET', `/v1/sip-users/${acmeUser.id}`, { key: globex.key }), 404);
      expectProblem(
        await api.request('PATCH', `/v1/sip-users/${acmeUser.id}`, {
          key: globex.key,
          body: { enabled: false, password: 'hijacked-pw' },
        }),
        404,
      );
      expectProblem(await api.request('DELETE', `/v1/sip-users/${acmeUser.id}`, { key: globex.key }), 404);
      expect(await api.prisma.sipUser.findUniqueOrThrow({ where: { id: acmeUser.id } })).toEqual(before);
    });

    it("never lists another account's users", async () => {
      const page = await api.request<Page<SipUser>>('GET', '/v1/sip-users?limit=100', { key: globex.key });
      expect(page.body.data.map((user) => user.id)).not.toContain(acmeUser.id);
      expect(page.body.data.every((user) => user.sipUri.endsWith(`@${globex.sipDomain}`))).toBe(true);
    });
  });

  describe('pagination', () => {
    let key: string;
    beforeAll(async () => {
      ({ key } = await api.createTenant('Paged'));
      for (let i = 0; i < 25; i++) {
        const username = `user${String(i).padStart(2, '0')}`;
        await api.request('POST', '/v1/sip-users', { key, body: { username, password: 'password-123' } });
      }
    });

    it('walks every user exactly once with cursors', async () => {
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=10&cursor=${cursor}` : '?limit=10';
        const page: { body: Page<SipUser> } = await api.request<Page<SipUser>>('GET', `/v1/sip-users${query}`, { key });
        pageSizes.push(page.body.data.length);
        seen.push(...page.body.data.map((user) => user.username));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(pageSizes).toEqual([10, 10, 5]);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `user${String(i).padStart(2, '0')}`));
    });

    it('lists users exactly as GET shows them (same fields and UTC timestamps)', async () => {
      const page = await api.request<Page<SipUser>>('GET', '/v1/sip-users?limit=3', { key });
      for (const listed of page.body.data) {
        const single = await api.request<SipUser>('GET', `/v1/sip-users/${listed.id}`, { key });
        expect(listed).toEqual(single.body);
      }
    });

    it('defaults to 20 per page and bounds limit to 1..100', async () => {
      const page = await api.request<Page<SipUser>>('GET', '/v1/sip-users', { key });
      expect(page.body.data).toHaveLength(20);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      for (const limit of ['0', '101', 'ten', '1.5']) {
        const response = await api.request('GET', `/v1/sip-users?limit=${limit}`, { key });
        expect((expectProblem(response, 400).errors as { field: string }[])[0]?.field).toBe('limit');
      }
    });

    it('rejects a forged cursor with 400', async () => {
      for (const cursor of ['not-a-cursor', Buffer.from("' OR 1=1 --").toString('base64url')]) {
        const response = await api.request('GET', `/v1/sip-users?cursor=${cursor}`, { key });
        expect((expectProblem(response, 400).errors as { field: string }[])[0]?.field).toBe('cursor');
      }
    });
  });
});
