import { Pool } from 'pg';
import { loadConfig } from '@callwire/config';
import { KamailioRpcClient, KamailioRpcError } from '../../apps/worker/src/edge-sync/kamailio-rpc.client';
import { ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { freeSipPort } from '../support/free-port';
import { KamailioHarness, runSipp, startSippUas } from '../support/sip-harness';
import { isolateDatabase, isolateQueues } from '../support/test-run';
import { createResource, routingEdgeEnv } from '../support/trunks';
import { WorkerHarness } from '../support/worker-harness';

const CARRIER_IP = '127.0.0.3';
const NUMBER = '+15550002001';

/**
 * The edge's cache of routing decisions (kamailio.cfg route[PLATFORM_ROUTE], EDGE_ROUTE_CACHE_S): a carrier's calls
 * to a number routed to a SIP URI are dialled from it without asking the API, until numbers, carriers or accounts
 * change through the API and the worker gives the edge a new routing generation. The number's route is also
 * changed behind the API's back (in the database), which the edge cannot learn of: where the call then goes tells
 * whether it asked.
 */
describe('Routing decisions cached at the edge (e2e: API, worker, Kamailio, SIPp)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let rpc: KamailioRpcClient;
  let pool: Pool;
  let tenant: { accountId: string; sipDomain: string; key: string };
  let carrierId: string;
  let numberId: string;
  /** SIP URI targets: a SIPp UAS takes each call on one of these ports. */
  let desks: { a: number; b: number };

  /** The edge's routing generation (htable routegen), 0 before the worker first set it. */
  const generation = async (): Promise<number> => {
    try {
      const answer = (await rpc.call('htable.get', ['routegen', 'gen'])) as { item: { value: number } };
      return answer.item.value;
    } catch (error) {
      if (error instanceof KamailioRpcError && /doesn't exist/.test(error.message)) return 0;
      throw error;
    }
  };
  /** Waits until the worker has applied the API's changes up to `expected` resets. */
  const generationReaches = (expected: number) =>
    eventually(async () => expect(await generation()).toBeGreaterThanOrEqual(expected), {
      timeoutMs: 10_000,
      intervalMs: 100,
      description: `the edge's routing generation to reach ${expected}`,
    });

  /** A carrier call to the number that `desk` must answer (its UAS sees INVITE, ACK and BYE). */
  const callReaching = async (desk: number, through: KamailioHarness = edge): Promise<void> => {
    const uas = await startSippUas({
      scenario: 'callee',
      outcome: 'answer',
      edgePort: through.port,
      localPort: desk,
      keys: { user: 'desk' },
    });
    const carrier = await runSipp({
      scenario: 'carrier',
      outcome: 'answer',
      localIp: CARRIER_IP,
      edgePort: through.port,
      keys: { number: NUMBER, caller: '+14155550100' },
      timeoutSeconds: 20,
    });
    expect(carrier).toMatchObject({ exitCode: 0 });
    expect(await uas.done).toMatchObject({ exitCode: 0 });
  };
  /** The number's route, changed in the database only: nothing tells the edge. */
  const routeBehindTheApisBack = (desk: number) =>
    pool.query('UPDATE phone_numbers SET route_target = $1 WHERE id = $2', [`sip:desk@127.0.0.1:${desk}`, numberId]);

  beforeAll(async () => {
    isolateQueues('route-cache');
    await isolateDatabase('route_cache');
    api = await ApiHarness.start();
    edge = await KamailioHarness.start(routingEdgeEnv(api));
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    rpc = new KamailioRpcClient(loadConfig());
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    desks = { a: await freeSipPort(), b: await freeSipPort() };
    tenant = await api.createTenant('Route cache');
    carrierId = await createResource(api, tenant, '/v1/carriers', {
      name: 'PBX trunk carrier',
      inbound: { allowedAddresses: [`${CARRIER_IP}/32`] },
    });
    numberId = await createResource(api, tenant, '/v1/phone-numbers', {
      number: NUMBER,
      carrierId,
      route: { type: 'sip-uri', target: `sip:desk@127.0.0.1:${desks.a}` },
    });
    // The carrier's address reload and both resets are behind the worker: the edge knows the carrier now.
    await generationReaches(2);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await worker?.close();
    await edge?.stop();
    await api?.close();
  });

  it('dials a repeated call to a number routed to a SIP URI from its cache, without asking the API', async () => {
    await callReaching(desks.a);
    await routeBehindTheApisBack(desks.b);
    await callReaching(desks.a);
  }, 30_000);

  it("takes a number's change through the API at once: the next call follows the new route", async () => {
    const before = await generation();
    const response = await api.request('PATCH', `/v1/phone-numbers/${numberId}`, {
      key: tenant.key,
      body: { route: { type: 'sip-uri', target: `sip:desk@127.0.0.1:${desks.b}` } },
    });
    expect(response.status).toBe(200);
    await generationReaches(before + 1);
    await callReaching(desks.b);
  }, 30_000);

  it('drops what it cached when a carrier changes', async () => {
    await callReaching(desks.b); // cached again
    await routeBehindTheApisBack(desks.a);
    const before = await generation();
    const response = await api.request('PATCH', `/v1/carriers/${carrierId}`, {
      key: tenant.key,
      body: { name: 'PBX trunk carrier (renamed)' },
    });
    expect(response.status).toBe(200);
    await generationReaches(before + 1);
    await callReaching(desks.a);
  }, 30_000);

  it('asks the API for every call with EDGE_ROUTE_CACHE_S=0', async () => {
    const uncached = await KamailioHarness.start({ ...routingEdgeEnv(api), EDGE_ROUTE_CACHE_S: '0' });
    try {
      await callReaching(desks.a, uncached);
      await routeBehindTheApisBack(desks.b);
      await callReaching(desks.b, uncached);
    } finally {
      await uncached.stop();
    }
  }, 40_000);
});
