import { decryptSecret } from '@callwire/webhooks';
import { ApiHarness, expectProblem } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';

interface Application {
  id: string;
  name: string;
  voiceUrl: string;
  fallbackUrl: string | null;
  statusCallbackUrl: string | null;
  createdAt: string;
  updatedAt: string;
  signingSecret?: string;
}
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
type Tenant = { accountId: string; sipDomain: string; key: string };

const VOICE_URL = 'https://203.0.113.10/callwire/voice';
const encryptionKey = () => Buffer.from(process.env.WEBHOOK_ENCRYPTION_KEY ?? '', 'base64url');

describe('Applications (e2e)', () => {
  let api: ApiHarness;
  let acme: Tenant;
  let globex: Tenant;

  beforeAll(async () => {
    isolateQueues('applications');
    api = await ApiHarness.start();
    acme = await api.createTenant('Apps Acme');
    globex = await api.createTenant('Apps Globex');
  });
  afterAll(() => api?.close());

  const create = (tenant: Tenant, body: unknown) =>
    api.request<Application>('POST', '/v1/applications', { key: tenant.key, body });
  const patch = (tenant: Tenant, id: string, body: unknown) =>
    api.request<Application>('PATCH', `/v1/applications/${id}`, { key: tenant.key, body });
  const storedSecret = async (id: string) =>
    decryptSecret(encryptionKey(), (await api.prisma.application.findUniqueOrThrow({ where: { id } })).secretEncrypted);

  it('creates an application and shows its whsec_ signing secret once; it is stored encrypted', async () => {
    const created = await create(acme, {
      name: 'IVR',
      voiceUrl: VOICE_URL,
      fallbackUrl: 'http://127.0.0.1:9/fallback',
      statusCallbackUrl: 'https://203.0.113.10/status',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'IVR',
      voiceUrl: VOICE_URL,
      fallbackUrl: 'http://127.0.0.1:9/fallback',
      statusCallbackUrl: 'https://203.0.113.10/status',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      signingSecret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
    });
    const secret = created.body.signingSecret ?? '';
    const row = await api.prisma.application.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(Buffer.from(row.secretEncrypted).toString('latin1')).not.toContain(secret.slice('whsec_'.length));
    expect(await storedSecret(created.body.id)).toBe(secret);

    const responses = [
      await api.request('GET', `/v1/applications/${created.body.id}`, { key: acme.key }),
      await api.request('GET', '/v1/applications?limit=100', { key: acme.key }),
      await patch(acme, created.body.id, { name: 'IVR 2' }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toMatch(/secret|whsec_/i);
    }
  });

  it.each([
    ['no name', { voiceUrl: VOICE_URL }, 'name'],
    ['an empty name', { name: '', voiceUrl: VOICE_URL }, 'name'],
    ['no voiceUrl', { name: 'x' }, 'voiceUrl'],
    ['an ftp voiceUrl', { name: 'x', voiceUrl: 'ftp://example.com/x' }, 'voiceUrl'],
    ['a relative voiceUrl', { name: 'x', voiceUrl: '/voice' }, 'voiceUrl'],
    ['a long voiceUrl', { name: 'x', voiceUrl: `https://example.com/${'x'.repeat(2050)}` }, 'voiceUrl'],
    ['a bad fallbackUrl', { name: 'x', voiceUrl: VOICE_URL, fallbackUrl: 'nope' }, 'fallbackUrl'],
    ['a bad statusCallbackUrl', { name: 'x', voiceUrl: VOICE_URL, statusCallbackUrl: 42 }, 'statusCallbackUrl'],
    ['a secret of its own', { name: 'x', voiceUrl: VOICE_URL, signingSecret: 'whsec_mine' }, 'signingSecret'],
  ])('refuses %s with a 400 problem naming the field', async (_case, body, field) => {
    const problem = expectProblem(await create(acme, body), 400);
    expect(problem.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
  });

  it('patches and clears the optional URLs', async () => {
    const { id } = (await create(acme, { name: 'Patch', voiceUrl: VOICE_URL, fallbackUrl: VOICE_URL })).body;
    const patched = await patch(acme, id, {
      voiceUrl: 'https://203.0.113.11/v2',
      fallbackUrl: null,
      statusCallbackUrl: VOICE_URL,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      voiceUrl: 'https://203.0.113.11/v2',
      fallbackUrl: null,
      statusCallbackUrl: VOICE_URL,
    });
    expect((await api.request<Application>('GET', `/v1/applications/${id}`, { key: acme.key })).body).toEqual(
      patched.body,
    );
    expectProblem(await patch(acme, id, {}), 400);
    expect(expectProblem(await patch(acme, id, { voiceUrl: null }), 400).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'voiceUrl' })]),
    );
  });

  it('rotates the signing secret: a new whsec_ is returned once and stored', async () => {
    const created = (await create(acme, { name: 'Rotate', voiceUrl: VOICE_URL })).body;
    const rotated = await api.request<{ signingSecret: string }>(
      'POST',
      `/v1/applications/${created.id}/rotate-secret`,
      {
        key: acme.key,
      },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ signingSecret: expect.stringMatching(/^whsec_/) });
    expect(rotated.body.signingSecret).not.toBe(created.signingSecret);
    expect(await storedSecret(created.id)).toBe(rotated.body.signingSecret);
  });

  it('refuses to delete an application phone numbers are routed to (409 with their count)', async () => {
    const { id } = (await create(acme, { name: 'Routed', voiceUrl: VOICE_URL })).body;
    const numberIds: string[] = [];
    for (const number of ['+14155550301', '+14155550302']) {
      const created = await api.request<{ id: string }>('POST', '/v1/phone-numbers', {
        key: acme.key,
        body: { number, route: { type: 'application', target: id } },
      });
      expect(created.status).toBe(201);
      numberIds.push(created.body.id);
    }
    const conflict = expectProblem(await api.request('DELETE', `/v1/applications/${id}`, { key: acme.key }), 409);
    expect(conflict.detail).toMatch(/\b2 phone number/);
    for (const numberId of numberIds) {
      await api.request('PATCH', `/v1/phone-numbers/${numberId}`, {
        key: acme.key,
        body: { route: { type: 'client', target: 'bob' } },
      });
    }
    expect((await api.request('DELETE', `/v1/applications/${id}`, { key: acme.key })).status).toBe(204);
    expectProblem(await api.request('GET', `/v1/applications/${id}`, { key: acme.key }), 404);
    expectProblem(await api.request('DELETE', `/v1/applications/${id}`, { key: acme.key }), 404);
  });

  it("answers 404 for another account's applications, which it cannot route numbers to either", async () => {
    const application = (await create(acme, { name: 'Private', voiceUrl: VOICE_URL })).body;
    const before = await api.prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    for (const id of [application.id, '0193a0b4-5d3e-7000-8000-000000000000']) {
      expectProblem(await api.request('GET', `/v1/applications/${id}`, { key: globex.key }), 404);
      expectProblem(await patch(globex, id, { voiceUrl: 'https://203.0.113.66/x' }), 404);
      expectProblem(await api.request('DELETE', `/v1/applications/${id}`, { key: globex.key }), 404);
      expectProblem(await api.request('POST', `/v1/applications/${id}/rotate-secret`, { key: globex.key }), 404);
    }
    const list = await api.request<Page<Application>>('GET', '/v1/applications?limit=100', { key: globex.key });
    expect(list.body.data.map((a) => a.id)).not.toContain(application.id);
    const routed = await api.request('POST', '/v1/phone-numbers', {
      key: globex.key,
      body: { number: '+14155550310', route: { type: 'application', target: application.id } },
    });
    expect(expectProblem(routed, 400).errors).toEqual([{ field: 'route.target', message: expect.any(String) }]);
    expect(await api.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toEqual(before);
  });

  it('lists with cursor pagination', async () => {
    const tenant = await api.createTenant('Apps Pager');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create(tenant, { name: `A${i}`, voiceUrl: VOICE_URL })).body.id);
    const first = await api.request<Page<Application>>('GET', '/v1/applications?limit=2', { key: tenant.key });
    expect(first.body.data.map((a) => a.id)).toEqual(ids.slice(0, 2));
    const second = await api.request<Page<Application>>(
      'GET',
      `/v1/applications?limit=2&cursor=${first.body.nextCursor}`,
      {
        key: tenant.key,
      },
    );
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
  });

  it('needs an account key', async () => {
    expect((await api.request('GET', '/v1/applications')).status).toBe(401);
    expect((await api.request('GET', '/v1/applications', { key: api.adminKey })).status).toBe(403);
  });
});
