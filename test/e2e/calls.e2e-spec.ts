import { verifyWebhook } from '@callwire/webhooks';
import { ApiHarness } from '../support/api-harness';
import { type CallOutcome, KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { type ReceivedWebhook, WebhookReceiver } from '../support/webhook-receiver';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };
interface CallRecord {
  id: string;
  sipCallId: string;
  from: string;
  to: string;
  status: string;
  sipStatus: number | null;
  hangupBy: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
}

const PASSWORD = 'calls-test-password';

/** Real calls (SIPp through Kamailio) → edge events (Redis stream) → worker → Call records and webhooks. */
describe('Calls: records and webhooks from real calls (e2e)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let receiver: WebhookReceiver;
  let acme: Tenant;
  let globex: Tenant;
  let secret: string;

  beforeAll(async () => {
    isolateQueues('calls'); // the edge writes its events under this prefix, the worker reads them there
    edge = await KamailioHarness.start();
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    [api, worker, receiver] = await Promise.all([ApiHarness.start(), WorkerHarness.start(), WebhookReceiver.start()]);
    acme = await api.createTenant('Calls Records Acme');
    globex = await api.createTenant('Calls Records Globex');
    for (const username of ['alice', 'bob']) {
      await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username, password: PASSWORD } });
    }
    const webhook = await api.request<{ secret: string }>('POST', '/v1/webhooks', {
      key: acme.key,
      body: { url: receiver.url, events: ['*'] },
    });
    expect(webhook.status).toBe(201);
    secret = webhook.body.secret;
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await edge?.stop();
    await receiver?.close();
  });

  const placeCall = (target: string, outcome: CallOutcome, extra: { final?: number; holdMs?: number } = {}) =>
    runSipp({
      scenario: 'caller',
      outcome,
      final: extra.final,
      holdMs: extra.holdMs,
      edgePort: edge.port,
      keys: { user: 'alice', domain: acme.sipDomain, target, target_domain: acme.sipDomain },
      auth: { username: 'alice', password: PASSWORD },
      timeoutSeconds: 30,
    });
  const bob = (outcome: CallOutcome) =>
    startRegisteredCallee({ edgePort: edge.port, user: 'bob', domain: acme.sipDomain, password: PASSWORD, outcome });

  const calls = async (tenant: Tenant, query = '') =>
    (await api.request<{ data: CallRecord[] }>('GET', `/v1/calls${query}`, { key: tenant.key })).body.data;
  /** How many calls the account has: the next call's record will be at this index (oldest first). */
  const callCount = async () => (await calls(acme)).length;
  /** The account's call at `index` once it has ended (the edge reports asynchronously). */
  async function endedCall(index: number): Promise<CallRecord> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const call = (await calls(acme))[index];
      if (call?.endedAt || Date.now() > deadline) return call as CallRecord;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** The call.* webhooks of one call, once call.completed is in, in arrival order. */
  async function webhooksOf(call: CallRecord): Promise<ReceivedWebhook[]> {
    const mine = (received: ReceivedWebhook[]) =>
      received.filter((hook) => hook.json.type.startsWith('call.') && hook.json.data.id === call.id);
    await receiver.waitFor((received) => mine(received).some((hook) => hook.json.type === 'call.completed'));
    return mine(receiver.received);
  }

  it('answered: a completed call record, and call.initiated → ringing → answered → completed, signed, in order', async () => {
    const callee = await bob('answer');
    const index = await callCount();
    expect(await placeCall('bob', 'answer', { holdMs: 300 })).toMatchObject({ exitCode: 0 });
    expect(await callee.finish()).toMatchObject({ exitCode: 0 });

    const call = await endedCall(index);
    expect(call).toMatchObject({
      from: `sip:alice@${acme.sipDomain}`,
      to: `sip:bob@${acme.sipDomain}`,
      status: 'completed',
      sipStatus: 200,
      hangupBy: 'caller',
    });
    expect(call.durationMs).toBeGreaterThanOrEqual(250);
    expect((await api.request('GET', `/v1/calls/${call.id}`, { key: acme.key })).body).toEqual(call);

    const hooks = await webhooksOf(call);
    expect(hooks.map((hook) => hook.json.type)).toEqual([
      'call.initiated',
      'call.ringing',
      'call.answered',
      'call.completed',
    ]);
    for (const hook of hooks) {
      expect(() => verifyWebhook(secret, hook.headers, hook.body)).not.toThrow();
      expect(hook.json).toMatchObject({ accountId: acme.accountId, id: hook.headers['webhook-id'] });
    }
    expect(hooks.at(-1)?.json.data).toMatchObject({ status: 'completed', sipCallId: call.sipCallId });
  });

  it.each([
    ['reject', 486, 'busy'],
    ['cancel', 487, 'canceled'],
  ] as const)('%s → %i → %s, with call.completed', async (outcome, sipStatus, status) => {
    const callee = await bob(outcome);
    const index = await callCount();
    expect(await placeCall('bob', outcome, { final: sipStatus })).toMatchObject({ exitCode: 0 });
    await callee.finish();
    const call = await endedCall(index);
    expect(call).toMatchObject({ status, sipStatus, answeredAt: null, durationMs: 0 });
    const types = (await webhooksOf(call)).map((hook) => hook.json.type);
    expect(types[0]).toBe('call.initiated');
    expect(types.at(-1)).toBe('call.completed');
    expect(types).not.toContain('call.answered');
  });

  it('no answer (the edge gives up) and an unregistered target: no-answer and failed', async () => {
    const callee = await bob('cancel');
    const index = await callCount();
    expect(await placeCall('bob', 'reject', { final: 408 })).toMatchObject({ exitCode: 0 });
    await callee.finish();
    expect(await endedCall(index)).toMatchObject({ status: 'no-answer', sipStatus: 408 });

    expect(await placeCall('nobody', 'reject', { final: 404 })).toMatchObject({ exitCode: 0 });
    const failed = await endedCall(index + 1);
    expect(failed).toMatchObject({ status: 'failed', sipStatus: 404, to: `sip:nobody@${acme.sipDomain}` });
    expect((await webhooksOf(failed)).map((hook) => hook.json.type)).toEqual(['call.initiated', 'call.completed']);
  });

  it('hang-up through the API: the edge sends BYE to both sides; 409 once ended; 404 for another account', async () => {
    const callee = await bob('answer');
    const caller = placeCall('bob', 'hungup');
    let call: CallRecord | undefined;
    const deadline = Date.now() + 5000;
    while (call?.status !== 'in-progress' && Date.now() < deadline) {
      call = (await calls(acme, '?status=in-progress')).at(-1);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(call?.status).toBe('in-progress');
    const id = call?.id ?? '';
    expect((await api.request('POST', `/v1/calls/${id}/hangup`, { key: globex.key })).status).toBe(404);
    expect((await api.request('POST', `/v1/calls/${id}/hangup`, { key: acme.key })).status).toBe(202);
    expect(await caller).toMatchObject({ exitCode: 0 }); // it got the BYE
    expect(await callee.finish()).toMatchObject({ exitCode: 0 });
    const ended = (await calls(acme)).findIndex((listed) => listed.id === id);
    expect(await endedCall(ended)).toMatchObject({ id, status: 'completed', hangupBy: 'edge' });
    const again = await api.request('POST', `/v1/calls/${id}/hangup`, { key: acme.key });
    expect(again.status).toBe(409);
  });

  it('lists with filters, scoped to the account; registrations produce registration.* webhooks', async () => {
    const all = await calls(acme);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect((await calls(acme, '?status=busy')).every((call) => call.status === 'busy')).toBe(true);
    expect(await calls(acme, `?to=${encodeURIComponent(`sip:nobody@${acme.sipDomain}`)}`)).toHaveLength(1);
    expect(await calls(acme, `?startedAfter=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    expect(await calls(globex)).toEqual([]);
    expect((await api.request('GET', `/v1/calls/${all[0]?.id}`, { key: globex.key })).status).toBe(404);
    expect((await api.request('GET', '/v1/calls?status=exploded', { key: acme.key })).status).toBe(400);
    // Newest first, page by page, is the same list reversed.
    const newestFirst: CallRecord[] = [];
    for (let cursor = ''; ;) {
      const page = await api.request<{ data: CallRecord[]; nextCursor: string | null }>(
        'GET',
        `/v1/calls?order=desc&limit=2${cursor}`,
        { key: acme.key },
      );
      newestFirst.push(...page.body.data);
      if (!page.body.nextCursor) break;
      cursor = `&cursor=${page.body.nextCursor}`;
    }
    expect(newestFirst.map((call) => call.id)).toEqual(all.map((call) => call.id).reverse());
    expect((await api.request('GET', '/v1/calls?order=sideways', { key: acme.key })).status).toBe(400);

    const registrations = receiver.received.filter((hook) => hook.json.type.startsWith('registration.'));
    expect(registrations.map((hook) => hook.json.type)).toContain('registration.created');
    expect(registrations.map((hook) => hook.json.type)).toContain('registration.removed');
    expect(registrations[0]?.json.data).toMatchObject({ aor: `sip:bob@${acme.sipDomain}` });
  });
});
