import 'reflect-metadata';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { ConfigModule } from '@callwire/config';
import { DatabaseModule } from '@callwire/database';
import { LiveEventsModule, QueuesModule } from '@callwire/queues';
import { type WebhookPayload, verifyWebhook } from '@callwire/webhooks';
import { InFlightJobsDrain } from '../../apps/worker/src/in-flight-jobs.drain';
import { WebhookEventPublisher } from '../../apps/worker/src/webhook-events/webhook-event.publisher';
import { WebhookSweeper } from '../../apps/worker/src/webhook-deliveries/webhook.sweeper';
import { WebhookDeliveriesModule } from '../../apps/worker/src/webhook-deliveries/webhook-deliveries.module';
import { ApiHarness } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';
import { type RecordedRequest, RecordingReceiver } from '../support/recording-receiver';

/** The worker's webhook side only: the suite does not depend on the other processors. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    DiscoveryModule,
    QueuesModule.forRoot(),
    LiveEventsModule,
    WebhookDeliveriesModule,
  ],
  providers: [InFlightJobsDrain],
})
class WebhookWorkerModule {}

type Tenant = { accountId: string; sipDomain: string; key: string };
interface Endpoint {
  id: string;
  secret: string;
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
}

const bodyOf = (request: RecordedRequest) => JSON.parse(request.body) as WebhookPayload;
const seqOf = (request: RecordedRequest) => bodyOf(request).data.seq;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Webhook delivery (e2e: publisher, worker, a real receiver)', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let publisher: WebhookEventPublisher;
  let receiver: RecordingReceiver;
  let acme: Tenant;

  beforeAll(async () => {
    isolateQueues('webhook-delivery');
    process.env.WEBHOOK_RETRY_SCHEDULE = '0.2,0.2'; // three attempts, 0.2 s apart (±15%)
    process.env.WEBHOOK_TIMEOUT_MS = '500';
    process.env.WEBHOOK_DISABLE_AFTER_FAILURES = '3';
    receiver = await RecordingReceiver.start();
    api = await ApiHarness.start();
    worker = await NestFactory.createApplicationContext(WebhookWorkerModule, { logger: false });
    await worker.init();
    publisher = worker.get(WebhookEventPublisher);
    acme = await api.createTenant('Delivery Acme');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
  });

  async function endpoint(tenant: Tenant, path: string, events: string[] = ['*']): Promise<Endpoint> {
    const response = await api.request<Endpoint>('POST', '/v1/webhooks', {
      key: tenant.key,
      body: { url: receiver.urlOf(path), events },
    });
    if (response.status !== 201) throw new Error(`endpoint: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function deliveries(tenant: Tenant, endpointId: string): Promise<Delivery[]> {
    const response = await api.request<{ data: Delivery[] }>('GET', `/v1/webhooks/${endpointId}/deliveries`, {
      key: tenant.key,
    });
    return response.body.data;
  }

  /** Waits until the event's delivery to the endpoint ends (succeeded or failed); returns it as the API lists it. */
  async function ended(tenant: Tenant, endpointId: string, eventId: string | null): Promise<Delivery> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const delivery = (await deliveries(tenant, endpointId)).find((candidate) => candidate.eventId === eventId);
      if (delivery && delivery.state !== 'pending') return delivery;
      if (Date.now() > deadline) throw new Error(`event ${eventId} did not end: ${JSON.stringify(delivery)}`);
      await sleep(25);
    }
  }

  const expectSigned = (request: RecordedRequest, secret: string) =>
    expect(() => verifyWebhook(secret, request.headers, request.body)).not.toThrow();

  it('POSTs the event, signed (Standard Webhooks), to the subscribed endpoints of the account only', async () => {
    const signed = await endpoint(acme, '/signed', ['call.completed']);
    await endpoint(acme, '/other-type', ['registration.created']);
    const paused = await endpoint(acme, '/paused', ['*']);
    await api.request('PATCH', `/v1/webhooks/${paused.id}`, { key: acme.key, body: { enabled: false } });
    const globex = await api.createTenant('Delivery Globex');
    await endpoint(globex, '/other-account', ['*']);

    const createdAt = new Date('2026-03-01T12:00:00.123Z');
    const data = { callId: 'c-1', durationMs: 1200, to: 'sip:bob@x', nested: { ok: true } };
    const published = await publisher.publish({ accountId: acme.accountId, type: 'call.completed', data, createdAt });
    expect(published.deliveryIds).toHaveLength(1);
    await receiver.waitFor(() => receiver.at('/signed').length === 1);

    const [request] = receiver.at('/signed');
    if (!request) throw new Error('not received');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Callwire-Webhooks/1',
      'webhook-id': published.eventId,
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    });
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    expectSigned(request, signed.secret);
    expect(() => verifyWebhook(paused.secret, request.headers, request.body)).toThrow();
    expect(bodyOf(request)).toEqual({
      id: published.eventId,
      type: 'call.completed',
      createdAt: '2026-03-01T12:00:00.123Z',
      accountId: acme.accountId,
      data,
    });

    const delivery = await ended(acme, signed.id, published.eventId);
    expect(delivery).toMatchObject({
      eventId: published.eventId,
      eventType: 'call.completed',
      state: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(delivery.lastLatencyMs).toEqual(expect.any(Number));
    await sleep(300);
    expect(receiver.received.filter((r) => r.path !== '/signed')).toEqual([]);
    // Nobody (enabled) subscribes to this: nothing is stored.
    const unwanted = await publisher.publish({ accountId: acme.accountId, type: 'webhook.disabled', data: {} });
    expect(unwanted).toEqual({ eventId: null, deliveryIds: [], duplicate: false });
  });

  it('retries a 500, then succeeds: the same webhook-id, each attempt signed, attempts 2', async () => {
    const flaky = await endpoint(acme, '/flaky', ['call.answered']);
    receiver.respond('/flaky', (_request, seen) => (seen === 0 ? 500 : 200));
    const published = await publisher.publish({ accountId: acme.accountId, type: 'call.answered', data: {} });
    await receiver.waitFor(() => receiver.at('/flaky').length === 2);
    const [first, second] = receiver.at('/flaky') as [RecordedRequest, RecordedRequest];
    expect(first.headers['webhook-id']).toBe(published.eventId);
    expect(second.headers['webhook-id']).toBe(published.eventId);
    expect(second.body).toBe(first.body);
    expectSigned(first, flaky.secret);
    expectSigned(second, flaky.secret);
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(150); // 0.2 s −15%
    const delivery = await ended(acme, flaky.id, published.eventId);
    expect(delivery).toMatchObject({ state: 'succeeded', attempts: 2, lastStatusCode: 200, lastError: null });
  });

  it('retries 429 and timeouts until the schedule is exhausted, then fails for good', async () => {
    const busy = await endpoint(acme, '/busy', ['registration.created']);
    const slow = await endpoint(acme, '/slow', ['registration.created']);
    receiver.respond('/busy', () => 429);
    receiver.respond('/slow', () => 'hang');
    const published = await publisher.publish({ accountId: acme.accountId, type: 'registration.created', data: {} });
    const [busyDelivery, slowDelivery] = await Promise.all(
      [busy, slow].map(({ id }) => ended(acme, id, published.eventId)),
    );
    expect(busyDelivery).toMatchObject({ state: 'failed', attempts: 3, lastStatusCode: 429, lastError: 'HTTP 429' });
    expect(slowDelivery).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastStatusCode: null,
      lastError: 'timeout after 500 ms',
      nextAttemptAt: null,
    });
    expect(receiver.of('/busy', published.eventId ?? '')).toHaveLength(3);
    expect(receiver.of('/slow', published.eventId ?? '')).toHaveLength(3);
  });

  it('does not retry a 400; a replay delivers the same event again, signed with the rotated secret', async () => {
    const strict = await endpoint(acme, '/strict', ['call.initiated']);
    receiver.respond('/strict', () => 400);
    const published = await publisher.publish({ accountId: acme.accountId, type: 'call.initiated', data: { n: 1 } });
    const failed = await ended(acme, strict.id, published.eventId);
    const deliveryId = failed.id;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastStatusCode: 400, lastError: 'HTTP 400' });
    await sleep(500);
    expect(receiver.at('/strict')).toHaveLength(1);

    const rotated = await api.request<{ secret: string }>('POST', `/v1/webhooks/${strict.id}/rotate-secret`, {
      key: acme.key,
    });
    receiver.respond('/strict', () => 200);
    const replay = await api.request('POST', `/v1/webhook-deliveries/${deliveryId}/replay`, { key: acme.key });
    expect(replay.status).toBe(202);
    await receiver.waitFor(() => receiver.at('/strict').length === 2);
    const [original, replayed] = receiver.at('/strict') as [RecordedRequest, RecordedRequest];
    expect(replayed.headers['webhook-id']).toBe(published.eventId);
    expect(replayed.body).toBe(original.body);
    expectSigned(replayed, rotated.body.secret);
    expect(() => verifyWebhook(strict.secret, replayed.headers, replayed.body)).toThrow();
    expect(await ended(acme, strict.id, published.eventId)).toMatchObject({ state: 'succeeded', attempts: 1 });
  });

  it('delivers events with one ordering key in order, even across retries; other keys do not wait', async () => {
    const ordered = await endpoint(acme, '/ordered', ['*']);
    // The first event of call A needs a retry, the first of call C never gets through.
    receiver.respond('/ordered', (request, seen) => {
      const { data } = bodyOf(request);
      if (data.call === 'A' && data.seq === 1 && seen === 0) return 500;
      if (data.call === 'C' && data.seq === 1) return 503;
      return 200;
    });
    const publish = (call: string, seq: number, type: 'call.initiated' | 'call.ringing' | 'call.answered') =>
      publisher.publish({ accountId: acme.accountId, type, data: { call, seq }, orderingKey: `call-${call}` });
    await publish('A', 1, 'call.initiated');
    await publish('C', 1, 'call.initiated');
    await publish('A', 2, 'call.ringing');
    await publish('B', 1, 'call.initiated');
    await publish('A', 3, 'call.answered');
    await publish('C', 2, 'call.ringing');
    const callOf = (call: string) => receiver.at('/ordered').filter((r) => bodyOf(r).data.call === call);
    await receiver.waitFor(() => callOf('A').length === 4 && callOf('B').length === 1 && callOf('C').length === 4);

    expect(callOf('A').map(seqOf)).toEqual([1, 1, 2, 3]);
    // C's second event waited until its first one had failed for good (three attempts).
    expect(callOf('C').map(seqOf)).toEqual([1, 1, 1, 2]);
    // B did not wait for A's retry.
    const [, aRetry] = callOf('A') as [RecordedRequest, RecordedRequest];
    expect(callOf('B')[0]?.receivedAt).toBeLessThan(aRetry.receivedAt);
    for (const request of receiver.at('/ordered')) expectSigned(request, ordered.secret);
  });

  it('disables an endpoint after 3 deliveries in a row failed and tells the other endpoints', async () => {
    const tenant = await api.createTenant('Delivery Failing');
    const down = await endpoint(tenant, '/down', ['call.completed']);
    const watcher = await endpoint(tenant, '/watcher', ['webhook.disabled']);
    receiver.respond('/down', (request) => (bodyOf(request).data.ok ? 200 : 400));
    const publish = (ok: boolean) =>
      publisher.publish({ accountId: tenant.accountId, type: 'call.completed', data: { ok } });

    // Two failures, then a success: the streak starts over.
    for (const ok of [false, false, true]) {
      await ended(tenant, down.id, (await publish(ok)).eventId);
    }
    expect((await api.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: down.id } })).failureStreak).toBe(0);

    await Promise.all([publish(false), publish(false), publish(false)]);
    await receiver.waitFor(() => receiver.at('/watcher').length === 1);
    const [notice] = receiver.at('/watcher') as [RecordedRequest];
    expectSigned(notice, watcher.secret);
    const reason = '3 deliveries in a row failed (last: HTTP 400)';
    expect(bodyOf(notice)).toMatchObject({
      type: 'webhook.disabled',
      accountId: tenant.accountId,
      data: { endpointId: down.id, url: receiver.urlOf('/down'), reason },
    });
    const disabled = await api.request('GET', `/v1/webhooks/${down.id}`, { key: tenant.key });
    expect(disabled.body).toMatchObject({ enabled: false, disabledReason: reason });

    // Disabled: new events skip it; re-enabled: they reach it again.
    expect((await publish(true)).deliveryIds).toEqual([]);
    await api.request('PATCH', `/v1/webhooks/${down.id}`, { key: tenant.key, body: { enabled: true } });
    const { eventId } = await publish(true);
    expect(await ended(tenant, down.id, eventId)).toMatchObject({ state: 'succeeded' });
    await sleep(300);
    expect(receiver.at('/watcher')).toHaveLength(1);
  });

  it('fails a pending delivery without sending it once its endpoint is disabled', async () => {
    const paused = await endpoint(acme, '/paused-later', ['call.ringing']);
    // The first attempt fails, and the endpoint is disabled before the retry.
    receiver.respond('/paused-later', async () => {
      await api.request('PATCH', `/v1/webhooks/${paused.id}`, { key: acme.key, body: { enabled: false } });
      return 503;
    });
    const { eventId } = await publisher.publish({ accountId: acme.accountId, type: 'call.ringing', data: {} });
    const delivery = await ended(acme, paused.id, eventId);
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, lastError: 'endpoint disabled' });
    expect(receiver.at('/paused-later')).toHaveLength(1);
  });

  it('the sweeper queues a delivery that was stored but never queued', async () => {
    const lost = await endpoint(acme, '/lost', ['registration.removed']);
    const event = await api.prisma.webhookEvent.create({
      data: { accountId: acme.accountId, type: 'registration.removed', data: { aor: 'alice@x' } },
    });
    const stored = await api.prisma.webhookDelivery.create({
      data: { endpointId: lost.id, eventId: event.id, nextAttemptAt: new Date(Date.now() - 120_000) },
    });
    expect(await worker.get(WebhookSweeper).sweep()).toBeGreaterThanOrEqual(1);
    await receiver.waitFor(() => receiver.at('/lost').length === 1);
    expect(receiver.at('/lost')[0]?.headers['webhook-id']).toBe(event.id);
    expect(await ended(acme, lost.id, event.id)).toMatchObject({ id: stored.id, state: 'succeeded', attempts: 1 });
  });
});
