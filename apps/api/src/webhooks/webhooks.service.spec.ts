import { randomBytes } from 'node:crypto';
import { EgressPolicy } from '@callwire/egress';
import type { WebhookDelivery } from '@callwire/database';
import { decryptSecret } from '@callwire/webhooks';
import { ConflictProblemException, NotFoundProblemException, ProblemException } from '../common/problem';
import type { WebhookDeliveryProducer } from './webhook-delivery.producer';
import type { WebhookEndpointRecord, WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';
import { testConfig } from '../../../../test/support/test-config';

const KEY = randomBytes(32);
const at = new Date('2026-01-01T00:00:00Z');

function endpoint(overrides: Partial<WebhookEndpointRecord> = {}): WebhookEndpointRecord {
  return {
    id: 'w1',
    accountId: 'a1',
    url: 'https://203.0.113.10/hook',
    events: ['*'],
    description: null,
    enabled: true,
    disabledReason: null,
    failureStreak: 0,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'd1',
    endpointId: 'w1',
    eventId: 'e1',
    state: 'failed',
    attempts: 8,
    lastStatusCode: 503,
    lastLatencyMs: 12,
    lastError: 'HTTP 503',
    nextAttemptAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('WebhooksService', () => {
  const repository = {
    create: jest.fn(),
    list: jest.fn(),
    findById: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
    listDeliveries: jest.fn(),
    findDelivery: jest.fn(),
    restartDelivery: jest.fn(),
  };
  const producer = { deliverNow: jest.fn(async () => undefined) };
  const config = testConfig({ WEBHOOK_ENCRYPTION_KEY: KEY.toString('base64url') });
  const service = new WebhooksService(
    config,
    repository as Partial<WebhooksRepository> as WebhooksRepository,
    producer as Pick<WebhookDeliveryProducer, 'deliverNow'> as WebhookDeliveryProducer,
    new EgressPolicy(config),
  );

  beforeEach(() => jest.clearAllMocks());

  it('creates an endpoint with a fresh whsec_ secret, stored encrypted and returned once', async () => {
    repository.create.mockImplementation(async () => endpoint());
    const created = await service.create('a1', { url: 'https://203.0.113.10/hook', events: ['*'] });
    expect(created.secret).toMatch(/^whsec_/);
    const [accountId, stored] = repository.create.mock.calls[0] as [string, { secretEncrypted: Buffer }];
    expect(accountId).toBe('a1');
    expect(stored).toMatchObject({ url: 'https://203.0.113.10/hook', events: ['*'], description: null });
    expect(decryptSecret(KEY, stored.secretEncrypted)).toBe(created.secret);
    expect(created).not.toHaveProperty('failureStreak');
    expect(created).not.toHaveProperty('accountId');
  });

  it('never shows a secret in get, list or update', async () => {
    repository.findById.mockResolvedValue(endpoint());
    repository.list.mockResolvedValue([endpoint()]);
    repository.update.mockResolvedValue(endpoint());
    const shown = [
      await service.get('a1', 'w1'),
      await service.list('a1', {}),
      await service.update('a1', 'w1', { description: 'x' }),
    ];
    for (const dto of shown) expect(JSON.stringify(dto)).not.toMatch(/secret/i);
  });

  it('re-enabling resets the failure streak and the reason; disabling by hand clears the reason', async () => {
    repository.update.mockResolvedValue(endpoint());
    await service.update('a1', 'w1', { enabled: true });
    expect(repository.update).toHaveBeenLastCalledWith(
      'a1',
      'w1',
      expect.objectContaining({ enabled: true, disabledReason: null, failureStreak: 0 }),
    );
    await service.update('a1', 'w1', { enabled: false });
    const changes = repository.update.mock.calls[1]?.[2] as Record<string, unknown>;
    expect(changes).toMatchObject({ enabled: false, disabledReason: null });
    expect(changes).not.toHaveProperty('failureStreak');
    await service.update('a1', 'w1', { url: 'https://203.0.113.11/x' });
    expect(repository.update.mock.calls[2]?.[2]).not.toHaveProperty('disabledReason');
    await expect(service.update('a1', 'w1', {})).rejects.toBeInstanceOf(ProblemException);
  });

  it('rotates the secret: a new one, stored encrypted', async () => {
    repository.update.mockResolvedValue(endpoint());
    const { secret } = await service.rotateSecret('a1', 'w1');
    const changes = repository.update.mock.calls[0]?.[2] as { secretEncrypted: Buffer };
    expect(decryptSecret(KEY, changes.secretEncrypted)).toBe(secret);
  });

  it('replays: restarts the delivery and queues it; 409 when the endpoint is disabled', async () => {
    repository.findDelivery.mockResolvedValue({ ...delivery(), endpoint: { enabled: true } });
    repository.restartDelivery.mockResolvedValue({
      ...delivery({ state: 'pending', attempts: 0, nextAttemptAt: at }),
      event: { type: 'call.completed' },
    });
    const replayed = await service.replay('a1', 'd1');
    expect(replayed).toMatchObject({ id: 'd1', state: 'pending', attempts: 0, eventType: 'call.completed' });
    expect(producer.deliverNow).toHaveBeenCalledWith('d1');

    repository.findDelivery.mockResolvedValue({ ...delivery(), endpoint: { enabled: false } });
    await expect(service.replay('a1', 'd1')).rejects.toBeInstanceOf(ConflictProblemException);
    expect(producer.deliverNow).toHaveBeenCalledTimes(1);
  });

  it('404 when the endpoint or delivery is not in the account', async () => {
    repository.findById.mockResolvedValue(null);
    repository.update.mockResolvedValue(null);
    repository.delete.mockResolvedValue(false);
    repository.findDelivery.mockResolvedValue(null);
    await expect(service.get('a1', 'w9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.update('a1', 'w9', { enabled: false })).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.delete('a1', 'w9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.rotateSecret('a1', 'w9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.listDeliveries('a1', 'w9', {})).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.replay('a1', 'd9')).rejects.toBeInstanceOf(NotFoundProblemException);
    expect(repository.listDeliveries).not.toHaveBeenCalled();
    expect(producer.deliverNow).not.toHaveBeenCalled();
  });
});
