import 'reflect-metadata';
import { once } from 'node:events';
import { type WebhookPayload, verifyWebhook } from '@callwire/webhooks';
import { ApiHarness } from '../support/api-harness';
import { startWebhookPublishing } from '../support/webhook-publishing';
import { stopChild } from '../support/child-process';
import { RecordingReceiver } from '../support/recording-receiver';
import { isolateQueues } from '../support/test-run';
import { type WorkerProcess, startWorkerProcess } from '../support/worker-process';

// Own queue namespace: the worker processes of this file must get every job of it, and only those.
const QUEUE_PREFIX = isolateQueues('webhook-crash');
const WORKER_ENV = { QUEUE_PREFIX, WEBHOOK_RETRY_SCHEDULE: '0.5,1,1,1,1,1,1,1', WEBHOOK_TIMEOUT_MS: '5000' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Webhook delivery survives kill -9 of the worker (e2e: real worker processes)', () => {
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

    workers.push(await startWorkerProcess(WORKER_ENV));
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

    // Stored, but the worker died before queueing them: the next worker's sweeper finds them.
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
});
