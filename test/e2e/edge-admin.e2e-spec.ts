import { Redis } from 'ioredis';
import { loadConfig } from '@callwire/config';
import { edgeEventShard, edgeEventsStream, redisOptionsFromUrl } from '@callwire/queues';
import { KamailioRpcClient } from '../../apps/worker/src/edge-sync/kamailio-rpc.client';
import { ApiHarness, expectProblem } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { KamailioHarness } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { WorkerHarness } from '../support/worker-harness';

interface EdgeBlock {
  ip: string;
  reason: string;
  blockedAt: string;
  expiresAt: string;
}

/**
 * The admin's view of the edge (e2e: API, real worker, real Kamailio, Redis stream): account limits written into
 * the edge's htable acctlimits, blocks the edge reports on its events stream, listed and lifted.
 */
describe('Edge limits and blocks (e2e)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let redis: Redis;
  let rpc: KamailioRpcClient;
  let prefix: string;
  let acme: { accountId: string; sipDomain: string; key: string };

  /** The edge's htable entry, or null when it has none. */
  const htableGet = async (table: string, key: string): Promise<string | number | null> => {
    try {
      const result = (await rpc.call('htable.get', [table, key])) as { item?: { value?: string | number } };
      return result.item?.value ?? null;
    } catch {
      return null;
    }
  };
  /** What the edge writes on its events stream when it bans a source (the shard of the address). */
  const reportBlock = (ip: string, reason: string, untilS: number) =>
    redis.xadd(
      edgeEventsStream(prefix, edgeEventShard(ip, loadConfig().edgeEventShards)),
      '*',
      'e',
      JSON.stringify({
        kind: 'security',
        event: 'blocked',
        ip,
        reason,
        until: String(untilS),
        ts: String(Date.now() / 1000),
      }),
    );
  const listBlocks = async () =>
    (await api.request<{ data: EdgeBlock[] }>('GET', '/v1/admin/edge-blocks', { key: api.adminKey })).body.data;

  beforeAll(async () => {
    prefix = isolateQueues('edge-admin');
    edge = await KamailioHarness.start();
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    rpc = new KamailioRpcClient(loadConfig());
    [api, worker] = await Promise.all([ApiHarness.start(), WorkerHarness.start()]);
    redis = new Redis(redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'));
    acme = await api.createTenant('Edge Limits Acme');
  }, 60_000);

  afterAll(async () => {
    redis?.disconnect();
    await worker?.close();
    await api?.close();
    await edge?.stop();
  });

  it('writes an account’s call and registration limits into the running edge, and removes them', async () => {
    const calls = `${acme.sipDomain}::calls`;
    const regs = `${acme.sipDomain}::regs`;
    expect(await htableGet('acctlimits', calls)).toBeNull();
    const set = await api.request('PUT', `/v1/accounts/${acme.accountId}/limits`, {
      key: api.adminKey,
      body: { concurrentCalls: 4, registrations: 7 },
    });
    expect(set.status).toBe(200);
    await eventually(async () => expect(await htableGet('acctlimits', calls)).toBe('4'), {
      timeoutMs: 5000,
      description: "the account's call limit in the edge's htable",
    });
    expect(await htableGet('acctlimits', regs)).toBe('7');

    // A restarted edge loads them from view kamailio_account_limits.
    await edge.restart();
    expect(await htableGet('acctlimits', calls)).toBe('4');
    expect(await htableGet('acctlimits', regs)).toBe('7');

    await api.request('PUT', `/v1/accounts/${acme.accountId}/limits`, {
      key: api.adminKey,
      body: { concurrentCalls: 9 },
    });
    await eventually(async () => expect(await htableGet('acctlimits', regs)).toBeNull(), {
      timeoutMs: 5000,
      description: "the account's registration limit to leave the edge's htable",
    });
    expect(await htableGet('acctlimits', calls)).toBe('9');
  }, 30_000);

  it('lists the blocks the edge reports (expired ones not), for the admin only', async () => {
    const now = Math.floor(Date.now() / 1000);
    await reportBlock('198.51.100.23', 'auth-failures', now + 600);
    await reportBlock('198.51.100.24', 'scanner', now - 5); // already over when the worker reads it
    await reportBlock('2001:db8::25', 'flood', now + 300);
    const blocks = await eventually(
      async () => {
        const list = await listBlocks();
        return list.length >= 2 && list;
      },
      { timeoutMs: 5000, description: 'two blocks in the list' },
    );
    expect(blocks).toEqual([
      {
        ip: '198.51.100.23',
        reason: 'auth-failures',
        blockedAt: expect.any(String),
        expiresAt: new Date((now + 600) * 1000).toISOString(),
      },
      expect.objectContaining({ ip: '2001:db8::25', reason: 'flood' }),
    ]);
    expectProblem(await api.request('GET', '/v1/admin/edge-blocks', { key: acme.key }), 403);
    expectProblem(await api.request('DELETE', '/v1/admin/edge-blocks/198.51.100.23', { key: acme.key }), 403);
    expectProblem(await api.request('DELETE', '/v1/admin/edge-blocks/not-an-ip', { key: api.adminKey }), 400);
  });

  it('lifts a block at the edge (htable ipban) and from the list', async () => {
    const ip = '198.51.100.31';
    // The edge's own ban (as its config sets it after repeated failures), then its report.
    await rpc.call('htable.sets', ['ipban', ip, 'auth-failures']);
    await reportBlock(ip, 'auth-failures', Math.floor(Date.now() / 1000) + 600);
    await eventually(async () => (await listBlocks()).some((block) => block.ip === ip), {
      timeoutMs: 5000,
      description: `${ip} in the list of blocks`,
    });
    expect(await htableGet('ipban', ip)).toBe('auth-failures');

    const lifted = await api.request('DELETE', `/v1/admin/edge-blocks/${ip}`, { key: api.adminKey });
    expect(lifted.status).toBe(202);
    expect((await listBlocks()).some((block) => block.ip === ip)).toBe(false);
    await eventually(async () => expect(await htableGet('ipban', ip)).toBeNull(), {
      timeoutMs: 5000,
      description: `${ip} to leave the edge's htable ipban`,
    });
  });
});
