import { ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { BrowserHarness, type PhonePage } from '../support/browser-harness';
import { issueClientToken } from '../support/client-tokens';
import { KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };
type CallRecord = Record<string, unknown> & { from: string; status: string };

const PASSWORD = 'vanished-browser-password';

/**
 * Phantom calls (issue 11, finding 8): a browser tab that disappears mid-call must not leave the other side on a
 * call nobody is on, and a call to a browser whose WebSocket is gone gets one final answer.
 */
describe('Hostile traffic: browsers that vanish', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let browser: BrowserHarness;
  let worker: WorkerHarness;
  let acme: Tenant;

  beforeAll(async () => {
    isolateQueues('hostile-vanished');
    edge = await KamailioHarness.start();
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    [api, browser, worker] = await Promise.all([
      ApiHarness.start({ SIP_WSS_PORT: String(edge.wssPort) }),
      BrowserHarness.launch(),
      WorkerHarness.start(),
    ]);
    acme = await api.createTenant('Vanished Acme');
    for (const username of ['desk', 'frontdesk']) {
      await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username, password: PASSWORD } });
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await edge?.stop();
  });

  async function browserParty(identity: string): Promise<PhonePage> {
    const page = await browser.openPhone(api.baseUrl);
    const { token } = await issueClientToken(api, acme.key, { identity });
    await page.connect(token);
    return page;
  }

  function recordOf(from: string, status: string): Promise<CallRecord> {
    return eventually(
      async () => {
        const listed = await api.request<{ data: CallRecord[] }>('GET', '/v1/calls', { key: acme.key });
        const record = listed.body.data.find((call) => call.from === from);
        if (record?.status !== status) throw new Error(`last seen: ${JSON.stringify(record)}`);
        return record;
      },
      { timeoutMs: 10_000, intervalMs: 200, description: `the call from ${from} to be ${status}` },
    );
  }

  it('a tab closed mid-call: the edge ends the call (BYE to the phone), recorded as completed by the edge', async () => {
    const desk = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'desk',
      domain: acme.sipDomain,
      password: PASSWORD,
      outcome: 'answer',
      rtpEcho: true,
      timeoutSeconds: 90,
    });
    const alice = await browserParty('alice');
    await alice.call('desk');
    await alice.waitForCallState('active').catch(async (e) => {
      console.log('DBG', JSON.stringify(await alice.callStatus()), alice.errors, (await desk.done).output.slice(-1500));
      throw e;
    });
    const answeredAt = Date.now();
    await alice.close(); // no BYE: the tab is gone with its WebSocket

    // The desk phone gets a BYE from the edge (the browser's connection closed) and its scenario ends well.
    expect(await desk.finish()).toMatchObject({ exitCode: 0 });
    const endedAfterMs = Date.now() - answeredAt;
    expect(endedAfterMs).toBeLessThan(30_000); // the closed connection ends it, not the phone's 90 s patience
    const record = await recordOf(`sip:client.alice@${acme.sipDomain}`, 'completed');
    expect(record).toMatchObject({ status: 'completed', hangupBy: 'edge' });
    expect(Number(record?.durationMs)).toBeLessThan(endedAfterMs + 2000);
    expect(await edge.media.sessions()).toBe(0);
  }, 120_000);

  it('a call to a browser whose WebSocket is gone: one 480, recorded as failed', async () => {
    const bob = await browserParty('bob');
    await bob.close(); // its registration stays until it expires, its connection does not
    const caller = await runSipp({
      scenario: 'caller',
      outcome: 'reject',
      final: 480,
      edgePort: edge.port,
      keys: { user: 'frontdesk', domain: acme.sipDomain, target: 'client.bob', target_domain: acme.sipDomain },
      auth: { username: 'frontdesk', password: PASSWORD },
    });
    expect(caller).toMatchObject({ exitCode: 0 });
    // One final answer: a second one would be retransmitted to the caller and show as unexpected.
    expect(caller.output).not.toMatch(/SIP\/2\.0 500/);
    const record = await recordOf(`sip:frontdesk@${acme.sipDomain}`, 'failed');
    expect(record).toMatchObject({ status: 'failed', sipStatus: 480 });
  }, 60_000);
});
