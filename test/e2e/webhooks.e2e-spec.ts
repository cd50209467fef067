import { Queue } from 'bullmq';
import { QueueName, type WebhookDeliveryJob, redisOptionsFromUrl } from '@callwire/queues';
import { WEBHOOK_EVENT_TYPES, decryptSecret } from '@callwire/webhooks';
import { ApiHarness, expectProblem } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
  secret?: string;
}
interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  state: string;
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
type Tenant = { accountId: string; sipDomain: string; key: string };

// Nothing listens there: workers of other suites may sweep these endpoints' pending deliveries.
const URL = 'https://127.0.0.1:9/hooks/callwire';

describe('Webhook endpoints API (e2e)', () => {
  let api: ApiHarness;
  let queue: Queue<WebhookDeliveryJob>;
  let acme: Tenant;
  let globex: Tenant;

  beforeAll(async () => {
    const prefix = isolateQueues('webhooks-api'); // no worker here: replayed jobs stay in the queue
    api = await ApiHarness.start();
    queue = new Queue(QueueName.WebhookDelivery, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'),
      prefix,
    });
    acme = await api.createTenant('Hook Acme');
    globex = await api.createTenant('Hook Globex');
  });
  afterAll(async () => {
    await queue?.close();
    await api?.close();
  });

  const create = (tenant: Tenant, body: Record<string, unknown>) =>
    api.request<Endpoint>('POST', '/v1/webhooks', { key: tenant.key, body });

  /** An event with deliveries to the endpoint, stored as the worker's publisher stores them. */
  async function storeDelivery(tenant: Tenant, endpointId: string, state: 'pending' | 'succeeded' | 'failed') {
    const event = await api.prisma.webhookEvent.create({
      data: { accountId: tenant.accountId, type: 'call.completed', data: { callId: 'c1' } },
    });
    return api.prisma.webhookDelivery.create({
      data: {
        endpointId,
        eventId: event.id,
        state,
        attempts: state === 'pending' ? 0 : 8,
        lastStatusCode: state === 'failed' ? 503 : 200,
        lastError: state === 'failed' ? 'HTTP 503' : null,
      },
    });
  }

  it('creates an endpoint and shows its whsec_ secret once; the stored secret is encrypted', async () => {
    const created = await create(acme, { url: URL, events: ['call.completed', 'call.answered'], description: 'CRM' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      url: URL,
      events: ['call.completed', 'call.answered'],
      description: 'CRM',
      enabled: true,
      disabledReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
    });
    const secret = created.body.secret ?? '';
    const row = await api.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(Buffer.from(row.secretEncrypted).toString('latin1')).not.toContain(secret.slice(6));
    const key = Buffer.from(process.env.WEBHOOK_ENCRYPTION_KEY ?? '', 'base64url');
    expect(decryptSecret(key, row.secretEncrypted)).toBe(secret);

    const responses = [
      await api.request('GET', `/v1/webhooks/${created.body.id}`, { key: acme.key }),
      await api.request('GET', '/v1/webhooks?limit=100', { key: acme.key }),
      await api.request('PATCH', `/v1/webhooks/${created.body.id}`, { key: acme.key, body: { description: 'x' } }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toMatch(/secret|whsec_/);
    }
  });

  it('accepts every event type, the * wildcard, and http URLs on loopback', async () => {
    const all = await create(acme, { url: 'http://127.0.0.1:9/hook', events: [...WEBHOOK_EVENT_TYPES] });
    expect(all.status).toBe(201);
    expect(all.body.description).toBeNull();
    expect((await create(acme, { url: 'http://localhost:9/x?y=1', events: ['*'] })).status).toBe(201);
  });

  it.each([
    ['no url', { events: ['call.completed'] }, 'url'],
    ['an ftp url', { url: 'ftp://example.com/x', events: ['call.completed'] }, 'url'],
    ['a relative url', { url: '/relative/path', events: ['call.completed'] }, 'url'],
    ['not a url', { url: 'not a url', events: ['call.completed'] }, 'url'],
    ['a url over 2048 characters', { url: `https://example.com/${'x'.repeat(2050)}`, events: ['*'] }, 'url'],
    ['no events', { url: URL }, 'events'],
    ['empty events', { url: URL, events: [] }, 'events'],
    ['events as a string', { url: URL, events: 'call.completed' }, 'events'],
    ['an unknown event type', { url: URL, events: ['call.exploded'] }, 'events'],
    ['a repeated event type', { url: URL, events: ['call.completed', 'call.completed'] }, 'events'],
    ['a long description', { url: URL, events: ['*'], description: 'x'.repeat(201) }, 'description'],
    ['control characters', { url: URL, events: ['*'], description: 'bell\u0007' }, 'description'],
    ['a secret of its own', { url: URL, events: ['*'], secret: 'whsec_mine' }, 'secret'],
  ])('refuses %s with a 400 problem naming the field', async (_case, body, field) => {
    const problem = expectProblem(await create(acme, body), 400);
    expect(problem.type).toBe('urn:callwire:problem:validation-error');
    expect(problem.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
  });

  it('lists with cursor pagination, gets, patches and deletes', async () => {
    const tenant = await api.createTenant('Hook Pager');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create(tenant, { url: `${URL}/${i}`, events: ['*'] })).body.id);
    const first = await api.request<Page<Endpoint>>('GET', '/v1/webhooks?limit=2', { key: tenant.key });
    expect(first.body.data.map((endpoint) => endpoint.id)).toEqual(ids.slice(0, 2));
    const second = await api.request<Page<Endpoint>>(`GET`, `/v1/webhooks?limit=2&cursor=${first.body.nextCursor}`, {
      key: tenant.key,
    });
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[2] })], nextCursor: null });

    const id = ids[0] ?? '';
    const patched = await api.request<Endpoint>('PATCH', `/v1/webhooks/${id}`, {
      key: tenant.key,
      body: { url: 'http://127.0.0.1:9/new', events: ['registration.created'], description: 'New' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ url: 'http://127.0.0.1:9/new', events: ['registration.created'] });
    const cleared = await api.request<Endpoint>('PATCH', `/v1/webhooks/${id}`, {
      key: tenant.key,
      body: { description: null, enabled: false },
    });
    expect(cleared.body).toMatchObject({ description: null, enabled: false, disabledReason: null });
    expect((await api.request<Endpoint>('GET', `/v1/webhooks/${id}`, { key: tenant.key })).body.enabled).toBe(false);

    expectProblem(await api.request('PATCH', `/v1/webhooks/${id}`, { key: tenant.key, body: {} }), 400);
    expectProblem(await api.request('PATCH', `/v1/webhooks/${id}`, { key: tenant.key, body: { events: [] } }), 400);
    expectProblem(await api.request('GET', '/v1/webhooks/not-a-uuid', { key: tenant.key }), 400);

    expect((await api.request('DELETE', `/v1/webhooks/${id}`, { key: tenant.key })).status).toBe(204);
    expectProblem(await api.request('GET', `/v1/webhooks/${id}`, { key: tenant.key }), 404);
    expectProblem(await api.request('DELETE', `/v1/webhooks/${id}`, { key: tenant.key }), 404);
  });

  it('refuses null for url, events and enabled (400 naming the field, never a 500); null clears description', async () => {
    const created = await create(acme, { url: URL, events: ['*'], description: null });
    expect(created.status).toBe(201);
    expect(created.body.description).toBeNull();
    const id = created.body.id;
    for (const field of ['url', 'events', 'enabled']) {
      const response = await api.request('PATCH', `/v1/webhooks/${id}`, { key: acme.key, body: { [field]: null } });
      expect(expectProblem(response, 400).errors).toEqual([
        { field, message: `${field} must not be null (leave it out instead)` },
      ]);
    }
    expect((await api.request<Endpoint>('GET', `/v1/webhooks/${id}`, { key: acme.key })).body).toMatchObject({
      url: URL,
      events: ['*'],
      enabled: true,
    });
    for (const field of ['url', 'events']) {
      const response = await create(acme, { url: URL, events: ['*'], [field]: null });
      expect((expectProblem(response, 400).errors as { field: string }[]).map((error) => error.field)).toContain(field);
    }
  });

  it('re-enabling an endpoint the platform disabled clears the reason and the failure streak', async () => {
    const { id } = (await create(acme, { url: URL, events: ['*'] })).body;
    await api.prisma.webhookEndpoint.update({
      where: { id },
      data: { enabled: false, disabledReason: '20 deliveries in a row failed', failureStreak: 20 },
    });
    const disabled = await api.request<Endpoint>('GET', `/v1/webhooks/${id}`, { key: acme.key });
    expect(disabled.body).toMatchObject({ enabled: false, disabledReason: '20 deliveries in a row failed' });
    const enabled = await api.request<Endpoint>('PATCH', `/v1/webhooks/${id}`, {
      key: acme.key,
      body: { enabled: true },
    });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });
    expect((await api.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).failureStreak).toBe(0);
  });

  it('rotates the secret: a new whsec_ is returned once and stored', async () => {
    const created = (await create(acme, { url: URL, events: ['*'] })).body;
    const rotated = await api.request<{ secret: string }>('POST', `/v1/webhooks/${created.id}/rotate-secret`, {
      key: acme.key,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.body.secret).not.toBe(created.secret);
    const row = await api.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    const key = Buffer.from(process.env.WEBHOOK_ENCRYPTION_KEY ?? '', 'base64url');
    expect(decryptSecret(key, row.secretEncrypted)).toBe(rotated.body.secret);
  });

  it("answers 404 for another account's endpoints and deliveries, exactly like missing ones", async () => {
    const endpoint = (await create(acme, { url: URL, events: ['*'] })).body;
    const delivery = await storeDelivery(acme, endpoint.id, 'failed');
    const missing = '0193a0b4-5d3e-7000-8000-000000000000';
    for (const id of [endpoint.id, missing]) {
      expectProblem(await api.request('GET', `/v1/webhooks/${id}`, { key: globex.key }), 404);
      expectProblem(
        await api.request('PATCH', `/v1/webhooks/${id}`, { key: globex.key, body: { enabled: false } }),
        404,
      );
      expectProblem(await api.request('DELETE', `/v1/webhooks/${id}`, { key: globex.key }), 404);
      expectProblem(await api.request('POST', `/v1/webhooks/${id}/rotate-secret`, { key: globex.key }), 404);
      expectProblem(await api.request('GET', `/v1/webhooks/${id}/deliveries`, { key: globex.key }), 404);
    }
    for (const id of [delivery.id, missing]) {
      expectProblem(await api.request('POST', `/v1/webhook-deliveries/${id}/replay`, { key: globex.key }), 404);
    }
    const list = await api.request<Page<Endpoint>>('GET', '/v1/webhooks?limit=100', { key: globex.key });
    expect(list.body.data.map((e) => e.id)).not.toContain(endpoint.id);
    // Still there for its owner.
    expect((await api.request('GET', `/v1/webhooks/${endpoint.id}`, { key: acme.key })).status).toBe(200);
    expect(await api.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      state: 'failed',
    });
  });

  it('lists the deliveries log newest first, with cursor pagination', async () => {
    const endpoint = (await create(acme, { url: URL, events: ['*'] })).body;
    const stored = [
      await storeDelivery(acme, endpoint.id, 'succeeded'),
      await storeDelivery(acme, endpoint.id, 'failed'),
      await storeDelivery(acme, endpoint.id, 'pending'),
    ];
    const first = await api.request<Page<Delivery>>('GET', `/v1/webhooks/${endpoint.id}/deliveries?limit=2`, {
      key: acme.key,
    });
    expect(first.status).toBe(200);
    expect(first.body.data.map((delivery) => delivery.id)).toEqual([stored[2]?.id, stored[1]?.id]);
    expect(first.body.data[1]).toEqual({
      id: stored[1]?.id,
      eventId: stored[1]?.eventId,
      eventType: 'call.completed',
      state: 'failed',
      attempts: 8,
      lastStatusCode: 503,
      lastLatencyMs: null,
      lastError: 'HTTP 503',
      nextAttemptAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const second = await api.request<Page<Delivery>>(
      'GET',
      `/v1/webhooks/${endpoint.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`,
      { key: acme.key },
    );
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: stored[0]?.id })], nextCursor: null });
    expectProblem(await api.request('GET', `/v1/webhooks/${endpoint.id}/deliveries?limit=0`, { key: acme.key }), 400);
  });

  it('replays a delivery: 202, pending again with a fresh run of attempts, queued under its id', async () => {
    const endpoint = (await create(acme, { url: URL, events: ['*'] })).body;
    const delivery = await storeDelivery(acme, endpoint.id, 'failed');
    const before = Date.now();
    const replayed = await api.request<Delivery>('POST', `/v1/webhook-deliveries/${delivery.id}/replay`, {
      key: acme.key,
    });
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({
      id: delivery.id,
      eventId: delivery.eventId,
      state: 'pending',
      attempts: 0,
      lastError: 'HTTP 503', // the last outcome stays visible until the next attempt
    });
    expect(Date.parse(replayed.body.nextAttemptAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    const job = await queue.getJob(delivery.id);
    expect(job?.data).toEqual({ deliveryId: delivery.id });
    expect(await job?.getState()).toBe('waiting');

    // Replaying again while it is queued is harmless: still one job.
    expect((await api.request('POST', `/v1/webhook-deliveries/${delivery.id}/replay`, { key: acme.key })).status).toBe(
      202,
    );
    expect((await queue.getJobs(['waiting', 'delayed'])).filter((j) => j.id === delivery.id)).toHaveLength(1);
  });

  it('refuses to replay to a disabled endpoint (409)', async () => {
    const endpoint = (await create(acme, { url: URL, events: ['*'] })).body;
    const delivery = await storeDelivery(acme, endpoint.id, 'failed');
    await api.request('PATCH', `/v1/webhooks/${endpoint.id}`, { key: acme.key, body: { enabled: false } });
    expectProblem(await api.request('POST', `/v1/webhook-deliveries/${delivery.id}/replay`, { key: acme.key }), 409);
    expect(await queue.getJob(delivery.id)).toBeUndefined();
  });

  it('needs an account key', async () => {
    expect((await api.request('GET', '/v1/webhooks')).status).toBe(401);
    expect((await api.request('GET', '/v1/webhooks', { key: api.adminKey })).status).toBe(403);
  });
});
