import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { type CapturedSipMessage, MAX_LADDER_MESSAGES, SipMessagesRepository } from './sip-messages.repository';

function message(sipCallId: string, capturedAtUs: bigint, changes: Partial<CapturedSipMessage> = {}) {
  return {
    sipCallId,
    capturedAtUs,
    sourceIp: '192.0.2.1',
    sourcePort: 5060,
    destinationIp: '2001:db8::1',
    destinationPort: 5061,
    transport: 'udp',
    method: 'INVITE',
    statusCode: null,
    reasonPhrase: null,
    cseq: '1 INVITE',
    payload: 'INVITE sip:alice@example.test SIP/2.0\r\n\r\n',
    ...changes,
  };
}

describe('SipMessagesRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: SipMessagesRepository;

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new SipMessagesRepository(db.prisma, db.sql);
  });
  afterAll(() => db.close());

  it('stores a batch in one statement and reads a call ladder in capture order from a time on', async () => {
    const callId = unique('ladder');
    const other = unique('other');
    await repository.insertMany([
      message(callId, 3_000_000_000_000_002n, { method: null, statusCode: 200, reasonPhrase: 'OK', cseq: '1 INVITE' }),
      message(callId, 3_000_000_000_000_001n),
      message(callId, 2_999_999_999_999_999n, { method: 'OPTIONS' }),
      message(other, 3_000_000_000_000_001n),
    ]);

    const ladder = await repository.listByCallId(callId, 3_000_000_000_000_000n);

    expect(ladder.map((row) => [row.capturedAtUs, row.method, row.statusCode, row.reasonPhrase])).toEqual([
      [3_000_000_000_000_001n, 'INVITE', null, null],
      [3_000_000_000_000_002n, null, 200, 'OK'],
    ]);
    expect(ladder[0]).toMatchObject({ sourceIp: '192.0.2.1', destinationIp: '2001:db8::1', destinationPort: 5061 });
  });

  it('an empty batch writes nothing', async () => {
    await expect(repository.insertMany([])).resolves.toBeUndefined();
  });

  it('caps a ladder at MAX_LADDER_MESSAGES', async () => {
    const callId = unique('long');
    const many = Array.from({ length: MAX_LADDER_MESSAGES + 5 }, (_, i) =>
      message(callId, 4_000_000_000_000_000n + BigInt(i)),
    );
    await repository.insertMany(many);
    const ladder = await repository.listByCallId(callId, 0n);
    expect(ladder).toHaveLength(MAX_LADDER_MESSAGES);
    expect(ladder[0]?.capturedAtUs).toBe(4_000_000_000_000_000n);
  });

  it('sweeps the oldest messages before a time, at most `limit` at once', async () => {
    const callId = unique('sweep');
    // Older than anything the other specs store, so the sweep takes only these.
    await repository.insertMany([1n, 2n, 3n, 10n].map((us) => message(callId, us)));

    expect(await repository.deleteOlderThan(5n, 2)).toBe(2);
    expect((await repository.listByCallId(callId, 0n)).map((row) => row.capturedAtUs)).toEqual([3n, 10n]);
    expect(await repository.deleteOlderThan(5n, 100)).toBe(1);
    expect((await repository.listByCallId(callId, 0n)).map((row) => row.capturedAtUs)).toEqual([10n]);
  });
});
