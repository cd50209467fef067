import 'reflect-metadata';
import { ApiHarness } from '../support/api-harness';
import { startWebhookPublishing } from '../support/webhook-publishing';
import { stopChild } from '../support/child-process';
import { RecordingReceiver } from '../support/recording-receiver';
import { RedisHarness } from '../support/redis-harness';
import { isolateQueues } from '../support/test-run';
import { type WorkerProcess, startWorkerProcesses } from '../support/worker-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Webhook delivery survives a Redis restart (e2e: private Redis with the setup’s persistence)', () => {
  let redis: RedisHarness;
  let api: ApiHarness;
  let publishing: Awaited<ReturnType<typeof startWebhookPublishing>>;
  let receiver: RecordingReceiver;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    const prefix = isolateQueues('webhook-redis-restart');
    redis = await RedisHarness.start();
    process.env.REDIS_URL = redis.url; // the API, the publisher and the worker all use this Redis
    receiver = await RecordingReceiver.start();
    receiver.respond('/slow', async () => {
      await sleep(100); // deliveries are in flight when Redis goes away
      return 200;
    });
    api = await ApiHarness.start();
    publishing = await startWebhookPublishing();
    // Two worker processes share the delivery queue and the edge-event partitions through this Redis.
    workers = await startWorkerProcesses(2, {
      QUEUE_PREFIX: prefix,
      REDIS_URL: redis.url,
      WEBHOOK_RETRY_SCHEDULE: '0.5,1,1,1',
    });
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) await stopChild(worker.child);
    await publishing?.close();
    await api?.close();
    await receiver?.close();
    await redis?.stop();
  });

  it('every event published before and after the restart is delivered', async () => {
    const tenant = await api.createTenant('Redis Restart Acme');
    await api.request('POST', '/v1/webhooks', {
      key: tenant.key,
      body: { url: receiver.urlOf('/slow'), events: ['*'] },
    });
    const { publisher } = publishing;
    const publish = async (count: number, from: number) => {
      const ids: string[] = [];
      for (let i = from; i < from + count; i++) {
        const { eventId } = await publisher.publish({
          accountId: tenant.accountId,
          type: 'call.completed',
          data: { n: i },
          orderingKey: `restart-call-${i % 5}-${i}`,
        });
        if (eventId) ids.push(eventId);
      }
      return ids;
    };

    const before = await publish(40, 0);
    await receiver.waitFor(() => receiver.received.length >= 5, 20_000, 'the first deliveries');
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBeLessThan(40);
    await redis.restart(1000); // queued and in-flight jobs are in Redis only
    const after = await publish(10, 40);

    const expected = [...before, ...after];
    const received = () => new Set(receiver.received.map((request) => String(request.headers['webhook-id'])));
    await receiver.waitFor(() => expected.every((id) => received().has(id)), 60_000, 'every event after the restart');
    expect(expected.filter((id) => !received().has(id))).toEqual([]);
  }, 120_000);
});
