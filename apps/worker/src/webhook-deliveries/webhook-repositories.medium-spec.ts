import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@callwire/database';
import { type MediumDatabase, openMediumDatabase } from '../../../../test/support/medium-database';
import type { AttemptRecord } from './webhook-deliveries.repository';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { type NewWebhookEvent, WebhookEventsRepository } from '../webhook-events/webhook-events.repository';

describe('webhook_* repositories of the worker (PostgreSQL)', () => {
  let db: MediumDatabase;
  let events: WebhookEventsRepository;
  let deliveries: WebhookDeliveriesRepository;
  const now = new Date('2026-12-03T12:00:00.000Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  beforeAll(async () => {
    db = await openMediumDatabase();
    events = new WebhookEventsRepository(db.pool);
    deliveries = new WebhookDeliveriesRepository(db.prisma, db.pool);
  });
  afterAll(() => db.close());

  async function endpoint(accountId: string, types: string[], enabled = true): Promise<string> {
    const { id } = await db.prisma.webhookEndpoint.create({
      data: {
        id: uuidv7(),
        accountId,
        url: `https://hooks.example/${types.join('+')}`,
        events: types,
        secretEncrypted: randomBytes(40),
        enabled,
      },
    });
    return id;
  }

  /** Stores the events in one transaction, as a round of edge events does. */
  async function store(batch: (NewWebhookEvent & { id: string })[]) {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const created = await events.createManyWithDeliveries(client, batch, now);
      await client.query('COMMIT');
      return created;
    } finally {
      client.release();
    }
  }

  const step = (accountId: string, type: NewWebhookEvent['type'], orderingKey: string, ms: number) => ({
    id: uuidv7(now.getTime() + ms),
    accountId,
    type,
    orderingKey,
    createdAt: at(ms),
    data: { step: type },
  });

  it('stores a round of events with one delivery per enabled endpoint subscribed to each, once', async () => {
    const account = await db.account();
    const calls = await endpoint(account.id, ['call.initiated', 'call.completed']);
    const everything = await endpoint(account.id, ['*']);
    await endpoint(account.id, ['call.initiated'], false); // disabled: nothing for it
    const round = [
      step(account.id, 'call.initiated', 'call-1', 0),
      step(account.id, 'call.ringing', 'call-1', 1),
      step(account.id, 'call.completed', 'call-1', 2),
    ];

    const created = await store(round);
    // In the order of the events; the ringing step goes only to the endpoint that takes every type.
    expect(created.map(({ eventId, endpointId }) => [round.findIndex((e) => e.id === eventId), endpointId])).toEqual(
      expect.arrayContaining([
        [0, calls],
        [0, everything],
        [1, everything],
        [2, calls],
        [2, everything],
      ]),
    );
    expect(created).toHaveLength(5);
    expect(created.map(({ eventId }) => round.findIndex((e) => e.id === eventId))).toEqual([0, 0, 1, 2, 2]);
    expect(created[0]?.url).toMatch(/^https:\/\/hooks\.example\//);

    // A replayed round (the same steps of the same call, new ids) stores nothing.
    const replay = round.map((event, i) => ({ ...event, id: uuidv7(now.getTime() + 10 + i) }));
    expect(await store(replay)).toEqual([]);
    expect(await db.prisma.webhookEvent.count({ where: { accountId: account.id } })).toBe(3);
    expect(await db.prisma.webhookDelivery.count({ where: { event: { accountId: account.id } } })).toBe(5);
  });

  it('guards every write of an attempt by the attempt it belongs to', async () => {
    const account = await db.account();
    const endpointId = await endpoint(account.id, ['*']);
    await db.prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { failureStreak: 2 } });
    const [created] = await store([step(account.id, 'call.initiated', 'call-2', 0)]);
    const id = created!.deliveryId;
    const record = (state: AttemptRecord['state'], nextAttemptAt: Date | null = null): AttemptRecord => ({
      state,
      lastStatusCode: state === 'succeeded' ? 204 : 503,
      lastLatencyMs: 9,
      lastError: state === 'succeeded' ? null : 'HTTP 503',
      nextAttemptAt,
    });

    expect(await deliveries.claimAttempt(id, 0)).toBe(true);
    expect(await deliveries.claimAttempt(id, 0)).toBe(false); // another claim of attempt 1 (a replayed job)
    expect(await deliveries.recordAttempt(id, 2, record('pending', at(5000)))).toBe(false); // not attempt 2
    expect(await deliveries.recordAttempt(id, 1, record('pending', at(5000)))).toBe(true);
    const loaded = await deliveries.load(id);
    expect(loaded).toMatchObject({ state: 'pending', attempts: 1, lastStatusCode: 503, nextAttemptAt: at(5000) });
    expect(loaded?.event).toMatchObject({ accountId: account.id, type: 'call.initiated', orderingKey: 'call-2' });

    expect(await deliveries.claimAttempt(id, 1)).toBe(true);
    expect(await deliveries.recordSuccess(id, endpointId, 1, record('succeeded'))).toBe(false); // attempt 2 now
    expect(await deliveries.recordSuccess(id, endpointId, 2, record('succeeded'))).toBe(true);
    expect(await deliveries.recordSuccess(id, endpointId, 2, record('succeeded'))).toBe(false); // done already
    expect(await deliveries.load(id)).toMatchObject({ state: 'succeeded', attempts: 2, lastError: null });
    // A success ends the endpoint's failure streak.
    expect(await db.prisma.webhookEndpoint.findUnique({ where: { id: endpointId } })).toMatchObject({
      failureStreak: 0,
    });
  });

  it('a final failure adds to the endpoint failure streak; first attempts are recorded in batches', async () => {
    const account = await db.account();
    const endpointId = await endpoint(account.id, ['*']);
    const created = await store([
      step(account.id, 'call.initiated', 'call-3', 0),
      step(account.id, 'call.ringing', 'call-3', 1),
      step(account.id, 'call.answered', 'call-3', 2),
    ]);
    const [first, second, third] = created.map(({ deliveryId }) => deliveryId) as [string, string, string];

    expect(await deliveries.claimAttempt(first, 0)).toBe(true);
    const failed = await deliveries.recordFinalFailure(first, endpointId, 1, {
      state: 'failed',
      lastStatusCode: 410,
      lastLatencyMs: 3,
      lastError: 'HTTP 410',
      nextAttemptAt: null,
    });
    expect(failed).toMatchObject({ id: endpointId, accountId: account.id, enabled: true, failureStreak: 1 });

    // The dispatcher's batch: only never-attempted pending deliveries are taken (the failed one is left alone).
    await deliveries.recordFirstSuccesses([
      { id: first, statusCode: 200, latencyMs: 1 },
      { id: second, statusCode: 204, latencyMs: 2 },
    ]);
    expect(await deliveries.load(first)).toMatchObject({ state: 'failed', lastStatusCode: 410 });
    expect(await deliveries.load(second)).toMatchObject({ state: 'succeeded', attempts: 1, lastStatusCode: 204 });
    expect(await db.prisma.webhookEndpoint.findUnique({ where: { id: endpointId } })).toMatchObject({
      failureStreak: 0,
    });

    expect(
      await deliveries.recordFirstFailure(third, {
        lastStatusCode: null,
        lastLatencyMs: 5000,
        lastError: 'timeout after 5000 ms',
        nextAttemptAt: at(5000),
      }),
    ).toBe(true);
    expect(await deliveries.load(third)).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: at(5000) });
    expect(
      await deliveries.recordFirstFailure(third, {
        lastStatusCode: 500,
        lastLatencyMs: 1,
        lastError: 'HTTP 500',
        nextAttemptAt: at(1),
      }),
    ).toBe(false); // attempted already
  });

  it('finds the pending delivery before and after an event of the same call, for the same endpoint', async () => {
    const account = await db.account();
    const endpointId = await endpoint(account.id, ['*']);
    const round = [
      step(account.id, 'call.initiated', 'call-4', 0),
      step(account.id, 'call.ringing', 'call-4', 1),
      step(account.id, 'call.answered', 'call-4', 2),
      step(account.id, 'call.initiated', 'call-5', 1), // another call: never in the way
    ];
    const created = await store(round);
    const deliveryOf = (i: number) => created.find(({ eventId }) => eventId === round[i]?.id)?.deliveryId;
    const ordered = (i: number) => ({
      id: round[i]!.id,
      accountId: account.id,
      orderingKey: round[i]!.orderingKey,
      createdAt: round[i]!.createdAt,
    });

    expect(await deliveries.findEarlierPending(endpointId, ordered(1))).toMatchObject({ id: deliveryOf(0) });
    expect(await deliveries.findEarlierPending(endpointId, ordered(0))).toBeNull();
    expect(await deliveries.findEarlierPending(endpointId, ordered(3))).toBeNull();
    expect(await deliveries.findNextPending(endpointId, ordered(0))).toBe(deliveryOf(1));

    await deliveries.recordFirstSuccesses([{ id: deliveryOf(0)!, statusCode: 200, latencyMs: 1 }]);
    expect(await deliveries.findEarlierPending(endpointId, ordered(1))).toBeNull();
    expect(await deliveries.findNextPending(endpointId, ordered(2))).toBeNull();
  });
});
