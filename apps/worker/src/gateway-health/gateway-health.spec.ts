import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { GatewayHealthJob, LiveEventsPublisher } from '@callwire/queues';
import type { ProbeResult, SipTarget } from '@callwire/sip';
import { GatewayHealthProcessor, PROBE_CONCURRENCY, SAVE_BATCH, mapConcurrently } from './gateway-health.processor';
import type { CarriersRepository, GatewayCheck, GatewayToCheck } from '@callwire/database';
import { GATEWAY_HEALTH_SCHEDULER_ID, GatewayHealthScheduler } from './gateway-health.scheduler';
import { testConfig } from '../../../../test/support/test-config';

function gateway(n: number, overrides: Partial<GatewayToCheck> = {}): GatewayToCheck {
  return {
    id: `g${n}`,
    carrierId: 'c1',
    accountId: 'a1',
    host: `10.0.0.${n % 250}`,
    port: 5060,
    transport: 'udp',
    status: 'up',
    ...overrides,
  };
}

const job = (data: GatewayHealthJob = {}) => ({ data }) as Job<GatewayHealthJob>;

beforeAll(() => Logger.overrideLogger(false));

describe('GatewayHealthProcessor', () => {
  function setUp(gateways: GatewayToCheck[], probe: (target: SipTarget, timeoutMs: number) => Promise<ProbeResult>) {
    const saved: GatewayCheck[][] = [];
    const repository = {
      findGatewaysToCheck: jest.fn(async () => gateways),
      saveGatewayChecks: jest.fn(async (checks: readonly GatewayCheck[]) => void saved.push([...checks])),
    };
    const live = { publish: jest.fn() };
    const processor = new GatewayHealthProcessor(
      repository as unknown as CarriersRepository,
      testConfig({ GATEWAY_CHECK_TIMEOUT_MS: '1234' }),
      jest.fn(probe),
      live as Pick<LiveEventsPublisher, 'publish'> as LiveEventsPublisher,
    );
    return { processor, repository, saved, live };
  }

  it('probes every gateway with the configured timeout and stores what each answered', async () => {
    const probe = async (target: SipTarget, timeoutMs: number): Promise<ProbeResult> => {
      expect(timeoutMs).toBe(1234);
      return target.host === '10.0.0.2'
        ? { status: 'down', response: 'timeout' }
        : { status: 'up', response: '200 OK' };
    };
    const { processor, repository, saved, live } = setUp([gateway(1), gateway(2, { transport: 'tcp' })], probe);

    expect(await processor.process(job({ carrierId: 'c1' }))).toEqual({ checked: 2, up: 1, down: 1 });

    expect(repository.findGatewaysToCheck).toHaveBeenCalledWith('c1');
    expect(saved).toHaveLength(1);
    expect(saved[0]?.map(({ gateway, status, response }) => [gateway.id, status, response])).toEqual([
      ['g1', 'up', '200 OK'],
      ['g2', 'down', 'timeout'],
    ]);
    expect(saved[0]?.[0]?.checkedAt).toBeInstanceOf(Date);
    // g2 went down: the account's open dashboards hear of it once.
    expect(live.publish).toHaveBeenCalledTimes(1);
    expect(live.publish).toHaveBeenCalledWith('a1', 'carriers');
  });

  it(`keeps at most ${PROBE_CONCURRENCY} OPTIONS in flight and stores the results per batch`, async () => {
    let inFlight = 0;
    let most = 0;
    const probe = async (): Promise<ProbeResult> => {
      most = Math.max(most, ++inFlight);
      await new Promise((done) => setImmediate(done));
      inFlight--;
      return { status: 'up', response: '200 OK' };
    };
    const count = SAVE_BATCH + 10;
    const { processor, saved } = setUp(
      Array.from({ length: count }, (_, n) => gateway(n)),
      probe,
    );

    expect(await processor.process(job())).toEqual({ checked: count, up: count, down: 0 });
    expect(most).toBe(PROBE_CONCURRENCY);
    expect(saved.map((batch) => batch.length)).toEqual([SAVE_BATCH, 10]);
  });

  it('stores network errors as tenants may read them: not which ports of a network answer', async () => {
    const responses: Record<string, string> = { g1: 'ECONNREFUSED', g2: 'EGRESS_REFUSED', g3: 'ENOTFOUND' };
    const { processor, saved } = setUp([gateway(1), gateway(2), gateway(3), gateway(4)], async (target) => {
      const id = `g${target.host.split('.').at(-1)}`;
      return responses[id] ? { status: 'down', response: responses[id] } : { status: 'down', response: 'timeout' };
    });
    await processor.process(job());
    expect(saved[0]?.map(({ response }) => response)).toEqual([
      'connection failed',
      'destination not allowed',
      'host not found',
      'timeout',
    ]);
  });

  it('does not probe a gateway with a transport it cannot speak', async () => {
    const probe = jest.fn();
    const { processor, saved } = setUp([gateway(1, { transport: 'sctp' })], probe);
    await processor.process(job());
    expect(probe).not.toHaveBeenCalled();
    expect(saved[0]?.[0]).toMatchObject({ status: 'down', response: 'unsupported transport sctp' });
  });
});

describe('mapConcurrently', () => {
  it('keeps the order of the items', async () => {
    const delays = [3, 1, 2, 0];
    const result = await mapConcurrently(delays, 2, async (n) => {
      for (let i = 0; i < n; i++) await new Promise((done) => setImmediate(done));
      return n * 10;
    });
    expect(result).toEqual([30, 10, 20, 0]);
  });

  it('does nothing for no items', async () => {
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });
});

describe('GatewayHealthScheduler', () => {
  const queue = { upsertJobScheduler: jest.fn(), removeJobScheduler: jest.fn(async () => true) };
  beforeEach(() => jest.clearAllMocks());
  const schedulerWith = (interval: string) =>
    new GatewayHealthScheduler(
      testConfig({ GATEWAY_CHECK_INTERVAL_MS: interval }),
      queue as unknown as Queue<GatewayHealthJob>,
    );

  it('keeps one job scheduler that adds a round every GATEWAY_CHECK_INTERVAL_MS', async () => {
    const scheduler = schedulerWith('15000');
    await scheduler.schedule();
    expect(queue.upsertJobScheduler).toHaveBeenCalledWith(
      GATEWAY_HEALTH_SCHEDULER_ID,
      { every: 15000 },
      expect.objectContaining({ data: {} }),
    );
  });

  it('removes the scheduler when the checks are off (0)', async () => {
    const scheduler = schedulerWith('0');
    await scheduler.schedule();
    expect(queue.upsertJobScheduler).not.toHaveBeenCalled();
    expect(queue.removeJobScheduler).toHaveBeenCalledWith(GATEWAY_HEALTH_SCHEDULER_ID);
  });
});
