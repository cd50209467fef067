import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DelayedError, type Job, type Queue } from 'bullmq';
import type { CallwireConfig } from '@callwire/config';
import type { LiveEventsPublisher, WebhookDeliveryJob } from '@callwire/queues';
import { encryptSecret } from '@callwire/webhooks';
import type { DeliveryWithContext, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import type { WebhookEventPublisher } from '../webhook-events/webhook-event.publisher';
import type { AttemptOutcome, WebhookSender } from './webhook.sender';
import { testConfig } from '../../../../test/support/test-config';

const KEY = randomBytes(32);
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function configWith(env: Record<string, string> = {}): CallwireConfig {
  return testConfig({
    WEBHOOK_ENCRYPTION_KEY: KEY.toString('base64url'),
    WEBHOOK_RETRY_SCHEDULE: '10,20',
    WEBHOOK_DISABLE_AFTER_FAILURES: '3',
    ...env,
  });
}

function delivery(overrides: Partial<DeliveryWithContext> = {}): DeliveryWithContext {
  const createdAt = new Date('2026-01-01T00:00:00Z');
  return {
    id: 'd1',
    endpointId: 'w1',
    eventId: 'e1',
    state: 'pending',
    attempts: 0,
    lastStatusCode: null,
    lastLatencyMs: null,
    lastError: null,
    nextAttemptAt: new Date(Date.now() - 1000),
    createdAt,
    updatedAt: createdAt,
    event: { id: 'e1', accountId: 'a1', type: 'call.ringing', orderingKey: 'call-1', data: { x: 1 }, createdAt },
    endpoint: {
      id: 'w1',
      accountId: 'a1',
      url: 'https://example.com/hook',
      enabled: true,
      secretEncrypted: new Uint8Array(encryptSecret(KEY, SECRET)),
    },
    ...overrides,
  };
}

describe('WebhookDeliveryProcessor', () => {
  const repository = {
    load: jest.fn(),
    claimAttempt: jest.fn(async () => true),
    recordAttempt: jest.fn(async () => true),
    recordSuccess: jest.fn(async () => true),
    recordFinalFailure: jest.fn(),
    abandon: jest.fn(async () => undefined),
    disableEndpoint: jest.fn(async () => true),
    findEarlierPending: jest.fn(async () => null),
    findNextPending: jest.fn(async () => null),
  };
  const sender = { send: jest.fn<Promise<AttemptOutcome>, unknown[]>() };
  const publisher = { publish: jest.fn(async () => ({ eventId: 'e9', deliveryIds: [], duplicate: false })) };
  const nextJob = { isDelayed: jest.fn(async () => true), promote: jest.fn(async () => undefined) };
  const queue = { getJob: jest.fn(async () => nextJob) };
  const live = { publish: jest.fn() };
  const job = { data: { deliveryId: 'd1' }, moveToDelayed: jest.fn(async () => undefined) };

  const processor = (config = configWith()) =>
    new WebhookDeliveryProcessor(
      config,
      repository as Partial<WebhookDeliveriesRepository> as WebhookDeliveriesRepository,
      sender as Pick<WebhookSender, 'send'> as WebhookSender,
      publisher as Pick<WebhookEventPublisher, 'publish'> as WebhookEventPublisher,
      queue as unknown as Queue<WebhookDeliveryJob>,
      live as Pick<LiveEventsPublisher, 'publish'> as LiveEventsPublisher,
    );
  const run = (config?: CallwireConfig) =>
    processor(config).process(job as Partial<Job<WebhookDeliveryJob>> as Job<WebhookDeliveryJob>, 'token');

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.clearAllMocks());

  it('sends the event signed with the decrypted secret, records the success and wakes the next event', async () => {
    repository.load.mockResolvedValue(delivery());
    repository.findNextPending.mockResolvedValueOnce('d2' as never);
    sender.send.mockResolvedValue({ ok: true, statusCode: 200, latencyMs: 5 });
    await run();
    const [url, secret, eventId, body] = sender.send.mock.calls[0] as [string, string, string, string];
    expect([url, secret, eventId]).toEqual(['https://example.com/hook', SECRET, 'e1']);
    expect(JSON.parse(body)).toEqual({
      id: 'e1',
      type: 'call.ringing',
      createdAt: '2026-01-01T00:00:00.000Z',
      accountId: 'a1',
      data: { x: 1 },
    });
    expect(repository.claimAttempt).toHaveBeenCalledWith('d1', 0);
    expect(repository.recordSuccess).toHaveBeenCalledWith('d1', 'w1', 1, {
      state: 'succeeded',
      lastStatusCode: 200,
      lastLatencyMs: 5,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(queue.getJob).toHaveBeenCalledWith('d2');
    expect(nextJob.promote).toHaveBeenCalled();
  });

  it('waits, without sending, for a pending delivery of an earlier event with the same ordering key', async () => {
    repository.load.mockResolvedValue(delivery());
    repository.findEarlierPending.mockResolvedValueOnce({ id: 'd0', nextAttemptAt: null } as never);
    await expect(run()).rejects.toBeInstanceOf(DelayedError);
    expect(job.moveToDelayed).toHaveBeenCalledWith(expect.any(Number), 'token');
    expect(sender.send).not.toHaveBeenCalled();
    expect(repository.claimAttempt).not.toHaveBeenCalled();
  });

  it('re-delays a job that runs before its delivery is due, and one whose delivery was restarted meanwhile', async () => {
    const due = new Date(Date.now() + 60_000);
    repository.load.mockResolvedValue(delivery({ nextAttemptAt: due }));
    await expect(run()).rejects.toBeInstanceOf(DelayedError);
    expect(job.moveToDelayed).toHaveBeenLastCalledWith(due.getTime(), 'token');

    repository.load.mockResolvedValue(delivery());
    repository.claimAttempt.mockResolvedValueOnce(false);
    await expect(run()).rejects.toBeInstanceOf(DelayedError);
    expect(sender.send).not.toHaveBeenCalled();
  });

  it('schedules a retry after a retryable failure while the schedule lasts', async () => {
    repository.load.mockResolvedValue(delivery({ attempts: 1 }));
    sender.send.mockResolvedValue({ ok: false, statusCode: 503, latencyMs: 7, error: 'HTTP 503', retryable: true });
    const before = Date.now();
    await expect(run()).rejects.toBeInstanceOf(DelayedError);
    const record = (repository.recordAttempt.mock.calls[0] as unknown[])[2] as { nextAttemptAt: Date };
    expect(record).toMatchObject({ state: 'pending', lastStatusCode: 503, lastError: 'HTTP 503' });
    // Attempt 2 failed: wait schedule[1] = 20 s ±15%.
    expect(record.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(17_000);
    expect(record.nextAttemptAt.getTime() - before).toBeLessThanOrEqual(23_100);
    expect(job.moveToDelayed).toHaveBeenCalledWith(record.nextAttemptAt.getTime(), 'token');
    expect(repository.recordFinalFailure).not.toHaveBeenCalled();
  });

  it('fails for good when the schedule is exhausted or the failure is not retryable; disables at the threshold', async () => {
    sender.send.mockResolvedValue({ ok: false, statusCode: 410, latencyMs: 7, error: 'HTTP 410', retryable: false });
    repository.load.mockResolvedValue(delivery());
    repository.recordFinalFailure.mockResolvedValue({
      id: 'w1',
      accountId: 'a1',
      url: 'https://example.com/hook',
      enabled: true,
      failureStreak: 2,
    });
    await run();
    expect(repository.recordFinalFailure).toHaveBeenCalledWith(
      'd1',
      'w1',
      1,
      expect.objectContaining({ state: 'failed' }),
    );
    expect(repository.disableEndpoint).not.toHaveBeenCalled();

    repository.recordFinalFailure.mockResolvedValue({
      id: 'w1',
      accountId: 'a1',
      url: 'https://example.com/hook',
      enabled: true,
      failureStreak: 3,
    });
    await run();
    const reason = '3 deliveries in a row failed (last: HTTP 410)';
    expect(repository.disableEndpoint).toHaveBeenCalledWith('w1', reason);
    expect(publisher.publish).toHaveBeenCalledWith({
      accountId: 'a1',
      type: 'webhook.disabled',
      data: { endpointId: 'w1', url: 'https://example.com/hook', reason },
    });

    jest.clearAllMocks();
    await run(configWith({ WEBHOOK_DISABLE_AFTER_FAILURES: '0' }));
    expect(repository.disableEndpoint).not.toHaveBeenCalled();
  });

  it('fails deliveries to a disabled endpoint, or with an unreadable secret, without sending', async () => {
    const base = delivery();
    repository.load.mockResolvedValue({ ...base, endpoint: { ...base.endpoint, enabled: false } });
    await run();
    expect(repository.abandon).toHaveBeenLastCalledWith('d1', 'endpoint disabled');
    repository.load.mockResolvedValue({
      ...base,
      endpoint: { ...base.endpoint, secretEncrypted: new Uint8Array(encryptSecret(randomBytes(32), SECRET)) },
    });
    await run();
    expect(repository.abandon).toHaveBeenLastCalledWith('d1', expect.stringMatching(/cannot be decrypted/));
    repository.load.mockResolvedValue(delivery({ state: 'succeeded' }));
    await run();
    repository.load.mockResolvedValue(null);
    await run();
    expect(sender.send).not.toHaveBeenCalled();
  });
});
