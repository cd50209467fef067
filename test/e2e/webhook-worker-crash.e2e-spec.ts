import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { loadConfig } from '@callwire/config';
import { edgeEventShard, edgeEventsStream, redisOptionsFromUrl } from '@callwire/queues';
import { type WebhookPayload, verifyWebhook } from '@callwire/webhooks';
import { ApiHarness } from '../support/api-harness';
import { startWebhookPublishing } from '../support/webhook-publishing';
import { stopChild } from '../support/child-process';
import { RecordingReceiver } from '../support/recording-receiver';
import { isolateQueues } from '../support/test-run';
import { type WorkerProcess, startWorkerProcess, startWorkerProcesses } from '../support/worker-process';

// Own queue namespace: the worker processes of this file must get every job of it, and only those.
const QUEUE_PREFIX = isolateQueues('webhook-crash');
const WORKER_ENV = { QUEUE_PREFIX, WEBHOOK_RETRY_SCHEDULE: '0.5,1,1,1,1,1,1,1', WEBHOOK_TIMEOUT_MS: '5000' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Webhook delivery survives kill -9 of a worker (e2e: two real worker processes)', () => {
  let api: ApiHarness;
  let publishing: Awaited<ReturnType<typeof startWebhookPublishing>>;
  let receiver: RecordingReceiver;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    receiver = await RecordingReceiver.start();
    receiver.respond('/slow', async () => {
      await sleep(150); // slow: deliveries are in flight when the worker dies
      return 200;
    });
    api = await ApiHarness.start();
    publishing = await startWebhookPublishing();
  });
  afterAll(async () => {
    for (const worker of workers) await stopChild(worker.child);
    await publishing?.close();
    await api?.close();
    await receiver?.close();
  });

  it('delivers every event at least once, in order per ordering key, across a crash', async () => {
    const tenant = await api.createTenant('Crash Acme');
    const created = await api.request<{ id: string; secret: string }>('POST', '/v1/webhooks', {
      key: tenant.key,
      body: { url: receiver.urlOf('/slow'), events: ['*'] },
    });
    const { id: endpointId, secret } = created.body;
    const { publisher } = publishing;

    workers.push(...(await startWorkerProcesses(2, WORKER_ENV)));
    const published: string[] = [];
    // 20 calls of 4 steps each, 5 calls at a time: the steps of a call share its ordering key.
    const steps = ['call.initiated', 'call.ringing', 'call.answered', 'call.completed'] as const;
    const stream = (async () => {
      for (let group = 0; group < 4; group++) {
        for (let seq = 0; seq < steps.length; seq++) {
          for (let c = 0; c < 5; c++) {
            const call = `call-${group * 5 + c}`;
            const { eventId } = await publisher.publish({
              accountId: tenant.accountId,
              type: steps[seq] ?? 'call.initiated',
              data: { call, seq },
              orderingKey: call,
            });
            if (eventId) published.push(eventId);
            await sleep(15);
          }
        }
      }
    })();
    await receiver.waitFor(() => receiver.received.length >= 15, 20_000, 'the first deliveries');
    const crashed = workers[0]?.child;
    const exited = crashed ? once(crashed, 'exit') : Promise.resolve();
    crashed?.kill('SIGKILL');
    await exited;
    const receivedAtCrash = new Set(receiver.received.map((request) => request.headers['webhook-id'])).size;
    await stream;
    expect(published).toHaveLength(80);
    expect(receivedAtCrash).toBeLessThan(published.length);

    // Stored, but the worker died before queueing them: a sweeper (the survivor's or the next worker's) finds them.
    const orphans: string[] = [];
    for (let i = 0; i < 3; i++) {
      const event = await api.prisma.webhookEvent.create({
        data: { accountId: tenant.accountId, type: 'call.completed', data: { orphan: i } },
      });
      await api.prisma.webhookDelivery.create({
        data: { endpointId, eventId: event.id, nextAttemptAt: new Date(Date.now() - 120_000) },
      });
      orphans.push(event.id);
    }

    workers.push(await startWorkerProcess(WORKER_ENV));
    const expected = [...published, ...orphans];
    const receivedIds = () => new Set(receiver.received.map((request) => String(request.headers['webhook-id'])));
    await receiver.waitFor(() => expected.every((id) => receivedIds().has(id)), 60_000, 'every event after the crash');

    // Every request genuine; the first receipt of each event follows the publishing order of its call.
    for (const request of receiver.received)
      expect(() => verifyWebhook(secret, request.headers, request.body)).not.toThrow();
    const firstSeen = new Map<string, WebhookPayload>();
    for (const request of receiver.received) {
      const payload = JSON.parse(request.body) as WebhookPayload;
      if (!firstSeen.has(payload.id)) firstSeen.set(payload.id, payload);
    }
    const orderOf = (call: string) =>
      [...firstSeen.values()]
        .filter((payload) => payload.data.call === call)
        .map((payload) => payload.data.seq as number);
    for (let c = 0; c < 20; c++) expect(orderOf(`call-${c}`)).toEqual([0, 1, 2, 3]);
    // And the log agrees: every delivery ended in success (the last answers may still be on their way).
    const unfinished = () => api.prisma.webhookDelivery.count({ where: { endpointId, state: { not: 'succeeded' } } });
    const deadline = Date.now() + 10_000;
    while ((await unfinished()) > 0 && Date.now() < deadline) await sleep(100);
    expect(await unfinished()).toBe(0);
  }, 120_000);

  it('applies every edge event once and in order per call when a worker dies mid-stream (partitions change owner)', async () => {
    const tenant = await api.createTenant('Crash Edge Acme');
    await api.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: {
        url: receiver.urlOf('/calls'),
        events: ['call.initiated', 'call.ringing', 'call.answered', 'call.completed'],
      },
    });
    for (const worker of workers.splice(0)) await stopChild(worker.child);
    workers.push(...(await startWorkerProcesses(2, WORKER_ENV)));
    const redis = new Redis(redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'));
    const shards = loadConfig().edgeEventShards;
    const calls = Array.from({ length: 30 }, (_, i) => `crash-${i}-${randomBytes(4).toString('hex')}@127.0.0.1`);
    /** As the edge writes it (route[CALL_EVENT] → route[PUBLISH_EVENT]): to the shard of the Call-ID. */
    const edgeEvent = (sipCallId: string, event: string, extra: Record<string, unknown> = {}) =>
      redis.xadd(
        edgeEventsStream(QUEUE_PREFIX, edgeEventShard(sipCallId, shards)),
        '*',
        'e',
        JSON.stringify({
          kind: 'call',
          event,
          sipCallId,
          sipDomain: tenant.sipDomain,
          from: `sip:alice@${tenant.sipDomain}`,
          to: `sip:bob@${tenant.sipDomain}`,
          transport: 'udp',
          ts: (Date.now() / 1000).toFixed(3),
          ...extra,
        }),
      );
    try {
      const stream = (async () => {
        for (const [event, extra] of [
          ['initiated', {}],
          ['ringing', {}],
          ['answered', {}],
          ['ended', { sipStatus: 200, reason: 'BYE', hangupBy: 'caller' }],
        ] as const) {
          for (const call of calls) {
            await edgeEvent(call, event, extra);
            await sleep(5);
          }
        }
      })();
      await receiver.waitFor(() => receiver.at('/calls').length >= 20, 20_000, 'the first call webhooks');
      const crashed = workers[0]?.child;
      const exited = crashed ? once(crashed, 'exit') : Promise.resolve();
      crashed?.kill('SIGKILL');
      await exited;
      await stream;

      // The survivor takes the dead worker's partitions once their leases expire and reads what it left
      // unacknowledged, and queues the deliveries it had stored but not sent (a few seconds after the takeover).
      const firstSeen = () => {
        const seen = new Map<string, WebhookPayload>();
        for (const request of receiver.at('/calls')) {
          const payload = JSON.parse(request.body) as WebhookPayload;
          if (!seen.has(payload.id)) seen.set(payload.id, payload);
        }
        return [...seen.values()];
      };
      await receiver.waitFor(
        () => firstSeen().length >= calls.length * 4,
        100_000,
        'every call webhook after the crash',
      );
      const steps = ['call.initiated', 'call.ringing', 'call.answered', 'call.completed'];
      for (const call of calls) {
        const types = firstSeen()
          .filter((payload) => payload.data.sipCallId === call)
          .map((payload) => payload.type);
        expect(types).toEqual(steps); // each step once (per event id) and in order
      }
      const records = await api.prisma.call.findMany({ where: { accountId: tenant.accountId } });
      expect(records).toHaveLength(calls.length);
      expect(records.every((record) => record.status === 'completed')).toBe(true);
    } finally {
      redis.disconnect();
    }
  }, 180_000);
});
