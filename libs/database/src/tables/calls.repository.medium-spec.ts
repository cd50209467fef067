import type { CallState } from '@callwire/calls';
import { eventually } from '../../../../test/support/eventually';
import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { type CallKey, CallsRepository, callKey } from './calls.repository';

const t0 = new Date('2026-12-03T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const initiated = (changes: Partial<CallState> = {}): CallState => ({
  status: 'initiated',
  from: 'sip:alice@a.test',
  to: 'sip:bob@a.test',
  transport: 'udp',
  startedAt: at(0),
  ringingAt: null,
  answeredAt: null,
  endedAt: null,
  durationMs: null,
  sipStatus: null,
  reason: null,
  hangupBy: null,
  callerCodec: null,
  calleeCodec: null,
  ...changes,
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('CallsRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: CallsRepository;
  let accountId: string;

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new CallsRepository(db.prisma, db.sql, db.pool);
    ({ id: accountId } = await db.account());
  });
  afterAll(() => db.close());

  const keyOf = (sipCallId: string, changes: Partial<CallKey> = {}): CallKey => ({
    accountId,
    sipCallId,
    direction: 'internal',
    ...changes,
  });

  /** One batch that sets each call's state to what `next` makes of the stored one. */
  const apply = (keys: CallKey[], next: (stored: CallState | undefined, key: CallKey) => CallState | undefined) =>
    repository.applyBatch(
      keys,
      (stored) => {
        const changed = new Map<string, CallState>();
        for (const key of keys) {
          const state = next(stored.get(callKey(key.accountId, key.sipCallId)), key);
          if (state) changed.set(callKey(key.accountId, key.sipCallId), state);
        }
        return changed;
      },
      async (_client, saved) => saved,
    );

  it('inserts new records and updates known ones in one statement, every column as Prisma reads it', async () => {
    const [a, b] = [keyOf(unique('call')), keyOf(unique('call'), { direction: 'outbound' })];
    const first = await apply([a, b], () => initiated({ callerCodec: 'PCMU/8000' }));
    const savedA = first.get(callKey(accountId, a.sipCallId))!;
    expect(savedA).toEqual(await db.prisma.call.findUnique({ where: { id: savedA.id } }));
    expect(savedA).toMatchObject({ status: 'initiated', startedAt: at(0), callerCodec: 'PCMU/8000', dtmfDigits: null });
    expect(first.get(callKey(accountId, b.sipCallId))).toMatchObject({ direction: 'outbound' });

    const answered = await apply([a, b], (stored, key) =>
      key === a && stored
        ? { ...stored, status: 'in-progress', answeredAt: at(1500), ringingAt: at(500), calleeCodec: 'opus/48000/2' }
        : undefined,
    );
    expect([...answered.keys()]).toEqual([callKey(accountId, a.sipCallId)]); // b unchanged: not written
    const stored = await db.prisma.call.findUniqueOrThrow({ where: { id: savedA.id } });
    expect(stored).toMatchObject({
      id: savedA.id,
      status: 'in_progress',
      ringingAt: at(500),
      answeredAt: at(1500),
      callerCodec: 'PCMU/8000',
      calleeCodec: 'opus/48000/2',
    });
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(savedA.updatedAt.getTime());
  });

  it('the stored state reaches decide with the API status names', async () => {
    const key = keyOf(unique('call'));
    await apply([key], () => initiated({ status: 'no-answer', endedAt: at(30_000), sipStatus: 480 }));
    let seen: CallState | undefined;
    await apply([key], (stored) => {
      seen = stored;
      return undefined;
    });
    expect(seen).toMatchObject({ status: 'no-answer', sipStatus: 480, endedAt: at(30_000), from: 'sip:alice@a.test' });
  });

  it('a batch that fails after saving (e.g. its webhook statement) leaves no trace', async () => {
    const key = keyOf(unique('call'));
    const failing = repository.applyBatch(
      [key],
      () => new Map([[callKey(key.accountId, key.sipCallId), initiated()]]),
      async () => {
        throw new Error('webhook statement failed');
      },
    );
    await expect(failing).rejects.toThrow('webhook statement failed');
    expect(await db.prisma.call.findFirst({ where: { sipCallId: key.sipCallId } })).toBeNull();
  });

  it('locks the records of a batch: a concurrent batch on the same call waits and then sees its result', async () => {
    const key = keyOf(unique('call'));
    await apply([key], () => initiated());
    const order: string[] = [];
    const release = deferred();
    const firstLocked = deferred();

    const first = repository.applyBatch(
      [key],
      (stored) => {
        order.push('first decides');
        const current = stored.get(callKey(key.accountId, key.sipCallId))!;
        return new Map([
          [callKey(key.accountId, key.sipCallId), { ...current, status: 'ringing', ringingAt: at(100) }],
        ]);
      },
      async () => {
        firstLocked.resolve();
        await release.promise; // holds the row lock until released
        order.push('first commits');
      },
    );
    await firstLocked.promise;
    let seenBySecond: CallState | undefined;
    const second = repository.applyBatch(
      [key],
      (stored) => {
        order.push('second decides');
        seenBySecond = stored.get(callKey(key.accountId, key.sipCallId));
        return new Map();
      },
      async () => undefined,
    );
    // The second batch is waiting on the row lock: its FOR UPDATE waits for a lock in pg_stat_activity.
    await eventually(
      async () => {
        const { rows } = await db.pool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%for update%'`,
        );
        return (rows[0]?.waiting ?? 0) > 0;
      },
      { timeoutMs: 5000, description: 'the second batch to wait for the row lock' },
    );
    expect(order).toEqual(['first decides']);

    release.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first decides', 'first commits', 'second decides']);
    expect(seenBySecond).toMatchObject({ status: 'ringing', ringingAt: at(100) });
  });

  it('two batches locking the same calls in different event orders do not deadlock (id order)', async () => {
    const keys = [keyOf(unique('call')), keyOf(unique('call')), keyOf(unique('call'))];
    await apply(keys, () => initiated());
    const ring = (batch: CallKey[]) => apply(batch, (stored) => stored && { ...stored, status: 'ringing' });
    const results = await Promise.all([ring(keys), ring([...keys].reverse()), ring(keys), ring([...keys].reverse())]);
    expect(results.every((saved) => saved.size === 3)).toBe(true);
  });

  it('finds active records (not final) with their SIP domain, of all accounts or of one call', async () => {
    const { id: other, sipDomain } = await db.account();
    const [live, done] = [keyOf(unique('call'), { accountId: other }), keyOf(unique('call'), { accountId: other })];
    await apply([live], () => initiated({ status: 'in-progress', answeredAt: at(10) }));
    await apply([done], () => initiated({ status: 'completed', endedAt: at(20) }));

    const all = (await repository.findAllActive()).filter((call) => call.accountId === other);
    expect(all).toEqual([
      { accountId: other, sipDomain, sipCallId: live.sipCallId, startedAt: at(0), answeredAt: at(10) },
    ]);
    expect(await repository.findActive(other, live.sipCallId)).toEqual(all[0]);
    expect(await repository.findActive(other, done.sipCallId)).toBeNull();
    expect(await repository.findActive(accountId, live.sipCallId)).toBeNull();
  });

  it("lists an account's calls by filters and pages, in either order", async () => {
    const { id: own } = await db.account();
    const keys = [0, 1, 2].map(() => keyOf(unique('call'), { accountId: own }));
    for (const [i, key] of keys.entries()) {
      await apply([key], () => initiated({ startedAt: at(i * 1000), status: i === 1 ? 'busy' : 'initiated' }));
    }
    const ids = async (filter: Parameters<CallsRepository['list']>[1], afterId?: string) =>
      (await repository.list(own, filter, { limit: 10, afterId })).map((call) => call.sipCallId);

    expect(await ids({})).toEqual(keys.map((key) => key.sipCallId));
    expect(await ids({ order: 'desc' })).toEqual(keys.map((key) => key.sipCallId).reverse());
    expect(await ids({ status: 'busy' })).toEqual([keys[1]!.sipCallId]);
    expect(await ids({ startedAfter: at(1000), startedBefore: at(2000) })).toEqual([keys[1]!.sipCallId]);
    const firstId = (await repository.list(own, {}, { limit: 1 }))[0]!.id;
    expect(await ids({}, firstId)).toEqual([keys[1]!.sipCallId, keys[2]!.sipCallId]);
    expect(await repository.findById(accountId, firstId)).toBeNull();
  });

  it('appends DTMF digits of accounts that record them, each once even when its event is applied again', async () => {
    const recording = await db.account();
    await db.pool.query('UPDATE accounts SET record_dtmf = true WHERE id = $1', [recording.id]);
    const call = keyOf(unique('call'), { accountId: recording.id });
    const quiet = keyOf(unique('call'));
    await apply([call, quiet], () => initiated({ status: 'in-progress', answeredAt: at(10) }));
    const digit = (key: CallKey, value: string, ms: number, byDomain = false) =>
      repository.appendDtmfDigit({
        sipCallId: key.sipCallId,
        ...(byDomain ? {} : { accountId: key.accountId }),
        sipDomain: recording.sipDomain,
        digit: value,
        at: t0.getTime() + ms,
      });
    const digitsOf = async (key: CallKey) =>
      (await db.prisma.call.findFirst({ where: { sipCallId: key.sipCallId } }))?.dtmfDigits ?? null;

    await digit(call, '1', 100);
    await digit(call, '1', 100); // the same event, replayed
    await digit(call, '#', 400, true); // named by the account's SIP domain only
    await digit(call, '9', 300); // older than the last digit kept: a replay of an earlier round
    expect(await digitsOf(call)).toBe('1#');

    await digit(quiet, '5', 100); // its account does not record DTMF
    expect(await digitsOf(quiet)).toBeNull();
  });
});
