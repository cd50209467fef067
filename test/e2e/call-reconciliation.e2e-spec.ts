import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { edgeEventShard, edgeEventsStream, redisOptionsFromUrl } from '@callwire/queues';
import { loadConfig } from '@callwire/config';
import { ApiHarness } from '../support/api-harness';
import { KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';
import { type SipLink, openTls, registerOverLink } from '../support/sip-stream-client';
import { isolateDatabase, isolateQueues } from '../support/test-run';
import { type ReceivedWebhook, WebhookReceiver } from '../support/webhook-receiver';
import { WorkerHarness } from '../support/worker-harness';

interface CallRecord {
  id: string;
  sipCallId: string;
  status: string;
  sipStatus: number | null;
  reason: string | null;
  hangupBy: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
}

const PASSWORD = 'reconcile-test-password';
/** Rounds every second; the worker's ring timeout is short, the edge's long (as with an application's timeout). */
const RECONCILE_INTERVAL_MS = 1000;
const WORKER_NO_ANSWER_MS = 1000;
const EDGE_NO_ANSWER_MS = 20_000;
/** lost-call.ts GRACE_MS: how long a record may lack a dialog before a round ends it. */
const GRACE_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const header = (message: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(message)?.[1]?.trim() ?? '';
const statusOf = (message: string) => Number(/^SIP\/2\.0 (\d{3})/.exec(message)?.[1] ?? 0);

/**
 * No call record stays active without a dialog on the edge: the worker's reconciliation rounds (real
 * Kamailio, real worker, real SIP) end records the edge lost, and leave live calls alone.
 */
describe('Call reconciliation with the edge (e2e)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let receiver: WebhookReceiver;
  let redis: Redis;
  let prefix: string;
  let acme: { accountId: string; sipDomain: string; key: string };

  beforeAll(async () => {
    // Own queues and database: its rounds compare every active record with this file's edge only.
    prefix = isolateQueues('call-reconciliation');
    await isolateDatabase('call_reconciliation');
    process.env.CALL_RECONCILE_INTERVAL_MS = String(RECONCILE_INTERVAL_MS);
    process.env.SIP_NO_ANSWER_MS = String(WORKER_NO_ANSWER_MS);
    edge = await KamailioHarness.start({ SIP_NO_ANSWER_MS: String(EDGE_NO_ANSWER_MS) });
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    [api, worker, receiver] = await Promise.all([ApiHarness.start(), WorkerHarness.start(), WebhookReceiver.start()]);
    redis = new Redis(redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'));
    acme = await api.createTenant('Reconcile Acme');
    for (const username of ['alice', 'bob']) {
      await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username, password: PASSWORD } });
    }
    const webhook = await api.request('POST', '/v1/webhooks', {
      key: acme.key,
      body: { url: receiver.url, events: ['*'] },
    });
    expect(webhook.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await worker?.close();
    await api?.close();
    await edge?.stop();
    await receiver?.close();
  });

  const callBy = async (sipCallId: string) =>
    (await api.request<{ data: CallRecord[] }>('GET', '/v1/calls?limit=100', { key: acme.key })).body.data.find(
      (call) => call.sipCallId === sipCallId,
    );
  /** The record of `sipCallId` once `done` holds for it (or whatever it is after `timeoutMs`). */
  async function waitForCall(sipCallId: string, done: (call: CallRecord) => boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const call = await callBy(sipCallId);
      if ((call && done(call)) || Date.now() > deadline) return call;
      await sleep(100);
    }
  }
  const ended = (call: CallRecord) => call.endedAt !== null;
  async function webhookTypes(call: CallRecord): Promise<string[]> {
    const mine = (received: ReceivedWebhook[]) => received.filter((hook) => hook.json.data.id === call.id);
    await receiver.waitFor((received) => mine(received).some((hook) => hook.json.type === 'call.completed'));
    return mine(receiver.received).map((hook) => hook.json.type);
  }
  function completedWebhook(call: CallRecord): ReceivedWebhook | undefined {
    return receiver.received.find((hook) => hook.json.data.id === call.id && hook.json.type === 'call.completed');
  }

  /** A call event as the edge writes it to its stream (route[CALL_EVENT]), for a Call-ID the edge never saw. */
  async function publishEdgeEvent(sipCallId: string, event: string, at: number): Promise<void> {
    const fields = {
      kind: 'call',
      event,
      sipCallId,
      sipDomain: acme.sipDomain,
      from: `sip:alice@${acme.sipDomain}`,
      to: `sip:bob@${acme.sipDomain}`,
      transport: 'udp',
      ts: (at / 1000).toFixed(3),
    };
    // The shard the edge would pick: the Call-ID's core hash (route[PUBLISH_EVENT]).
    const stream = edgeEventsStream(prefix, edgeEventShard(sipCallId, loadConfig().edgeEventShards));
    await redis.xadd(stream, '*', 'e', JSON.stringify(fields));
  }

  it('a record left initiated with no dialog on the edge becomes failed, with call.completed', async () => {
    const sipCallId = `phantom-${randomBytes(6).toString('hex')}@127.0.0.1`;
    const startedAt = Date.now() - 60_000;
    await publishEdgeEvent(sipCallId, 'initiated', startedAt);
    const call = await waitForCall(sipCallId, ended);
    expect(call).toMatchObject({
      status: 'failed',
      sipStatus: null,
      reason: 'no dialog on the edge',
      hangupBy: null,
      durationMs: 0,
      startedAt: new Date(startedAt).toISOString(),
    });
    expect(await webhookTypes(call as CallRecord)).toEqual(['call.initiated', 'call.completed']);
    expect(completedWebhook(call as CallRecord)?.json.data).toMatchObject({ status: 'failed', sipCallId });
  });

  it('hang-up of a record without a dialog ends it at once (failed), instead of answering 202 forever', async () => {
    const sipCallId = `phantom-${randomBytes(6).toString('hex')}@127.0.0.1`;
    await publishEdgeEvent(sipCallId, 'initiated', Date.now());
    const call = (await waitForCall(sipCallId, () => true)) as CallRecord;
    expect(call.status).toBe('initiated');
    expect((await api.request('POST', `/v1/calls/${call.id}/hangup`, { key: acme.key })).status).toBe(202);
    const hungUp = (await waitForCall(sipCallId, ended)) as CallRecord;
    expect(hungUp).toMatchObject({ status: 'failed', reason: 'no dialog on the edge' });
    // Ended by the hang-up, not by a round: a round waits out the ring timeout and the grace first.
    const endedAfterMs = Date.parse(hungUp.endedAt ?? '') - Date.parse(hungUp.startedAt);
    expect(endedAfterMs).toBeLessThan(WORKER_NO_ANSWER_MS + GRACE_MS);
    expect(await webhookTypes(hungUp)).toEqual(['call.initiated', 'call.completed']);
    expect((await api.request('POST', `/v1/calls/${call.id}/hangup`, { key: acme.key })).status).toBe(409);
  });

  /** alice (TLS) calls bob (TLS, registered), whose phone rings until the test decides; then both hang up. */
  async function withRingingCall(test: (invite: RingingInvite, ringing: CallRecord) => Promise<void>) {
    const bob = await openTls(edge.tlsPort);
    const alice = await openTls(edge.tlsPort);
    try {
      const registration = await registerOverLink(bob, { user: 'bob', domain: acme.sipDomain, password: PASSWORD });
      expect(registration.status).toBe(200);
      const invite = await inviteOverLink(alice, bob, acme.sipDomain);
      const ringing = (await waitForCall(invite.callId, (call) => call.status === 'ringing')) as CallRecord;
      expect(ringing.status).toBe('ringing');
      await test(invite, ringing);
    } finally {
      alice.close();
      bob.close();
    }
  }

  it('a live ringing call past the grace keeps ringing: it ends as the edge reports it', async () => {
    await withRingingCall(async (invite) => {
      // Several rounds see the call after its grace (worker ring timeout + GRACE_MS): it has an early dialog.
      await sleep(WORKER_NO_ANSWER_MS + GRACE_MS + 3 * RECONCILE_INTERVAL_MS);
      expect(await callBy(invite.callId)).toMatchObject({ status: 'ringing', endedAt: null });
      await invite.reject(486);
      expect(await waitForCall(invite.callId, ended)).toMatchObject({ status: 'busy', sipStatus: 486 });
    });
  }, 30_000);

  it('hang-up of a ringing call cancels it at the edge: the callee gets CANCEL, the record ends canceled', async () => {
    await withRingingCall(async (invite, ringing) => {
      expect((await api.request('POST', `/v1/calls/${ringing.id}/hangup`, { key: acme.key })).status).toBe(202);
      await invite.answerCancel();
      expect(await waitForCall(invite.callId, ended)).toMatchObject({ status: 'canceled', sipStatus: 487 });
      expect(await webhookTypes(ringing)).toEqual(['call.initiated', 'call.ringing', 'call.completed']);
    });
  });

  /** alice calls bob (SIPp on both sides); resolves once the call's record is in progress. */
  async function answeredCall(holdMs: number, timeoutSeconds: number) {
    const callee = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'bob',
      domain: acme.sipDomain,
      password: PASSWORD,
      outcome: 'answer',
      timeoutSeconds,
    });
    const caller = runSipp({
      scenario: 'caller',
      outcome: 'answer',
      holdMs,
      edgePort: edge.port,
      keys: { user: 'alice', domain: acme.sipDomain, target: 'bob', target_domain: acme.sipDomain },
      auth: { username: 'alice', password: PASSWORD },
      timeoutSeconds,
    });
    let call: CallRecord | undefined;
    const deadline = Date.now() + 10_000;
    while (call?.status !== 'in-progress' && Date.now() < deadline) {
      const listed = await api.request<{ data: CallRecord[] }>('GET', '/v1/calls?status=in-progress', {
        key: acme.key,
      });
      call = listed.body.data[0];
      await sleep(100);
    }
    expect(call?.status).toBe('in-progress');
    return { sipCallId: call?.sipCallId ?? '', caller, callee };
  }

  it('a live answered call past the grace stays in progress and completes with its BYE', async () => {
    const holdMs = GRACE_MS + 4 * RECONCILE_INTERVAL_MS;
    const { sipCallId, caller, callee } = await answeredCall(holdMs, 30);
    expect(await caller).toMatchObject({ exitCode: 0 });
    expect(await callee.finish()).toMatchObject({ exitCode: 0 });
    const call = (await waitForCall(sipCallId, ended)) as CallRecord;
    expect(call).toMatchObject({ status: 'completed', sipStatus: 200, hangupBy: 'caller', reason: 'BYE' });
    expect(call.durationMs).toBeGreaterThanOrEqual(holdMs - 500);
  }, 60_000);

  it('an answered call whose edge restarts becomes completed after reconciliation, ended at the restart', async () => {
    const { sipCallId, caller, callee } = await answeredCall(12_000, 20);
    const restartedFrom = Date.now();
    await edge.restart();
    const restartedBy = Date.now();

    const reconciled = (await waitForCall(sipCallId, ended, GRACE_MS + 10_000)) as CallRecord;
    expect(reconciled).toMatchObject({
      status: 'completed',
      sipStatus: 200,
      hangupBy: 'edge',
      reason: 'reconciled: dialog gone',
    });
    // It ended when the edge lost its dialogs (the edge's uptime is counted in whole seconds).
    const endedAt = Date.parse(reconciled.endedAt ?? '');
    expect(endedAt).toBeGreaterThanOrEqual(restartedFrom - 1000);
    expect(endedAt).toBeLessThanOrEqual(restartedBy + 1000);
    expect(reconciled.durationMs).toBe(endedAt - Date.parse(reconciled.answeredAt ?? ''));
    expect(await webhookTypes(reconciled)).toEqual([
      'call.initiated',
      'call.ringing',
      'call.answered',
      'call.completed',
    ]);
    expect(completedWebhook(reconciled)?.json.data).toMatchObject({
      status: 'completed',
      reason: 'reconciled: dialog gone',
    });
    // The phones never heard of it (the restarted edge has no dialog for their BYE): they end as they can.
    await Promise.allSettled([caller, callee.done]);
  }, 60_000);

  it('a worker starting after an edge restart reconciles at once, not at its next interval', async () => {
    // An hourly round whose schedule outlives the worker's restart: only the start-up round can end the record.
    process.env.CALL_RECONCILE_INTERVAL_MS = '3600000';
    await worker.close();
    worker = await WorkerHarness.start();
    const { sipCallId, caller, callee } = await answeredCall(12_000, 20);
    await worker.close();
    const restartedFrom = Date.now();
    await edge.restart();
    const restartedBy = Date.now();
    const answeredAt = Date.parse((await callBy(sipCallId))?.answeredAt ?? '');
    await sleep(answeredAt + GRACE_MS + 500 - Date.now());
    worker = await WorkerHarness.start();

    const reconciled = (await waitForCall(sipCallId, ended)) as CallRecord;
    expect(reconciled).toMatchObject({ status: 'completed', reason: 'reconciled: dialog gone' });
    const endedAt = Date.parse(reconciled.endedAt ?? '');
    expect(endedAt).toBeGreaterThanOrEqual(restartedFrom - 1000);
    expect(endedAt).toBeLessThanOrEqual(restartedBy + 1000);
    await Promise.allSettled([caller, callee.done]);
  }, 60_000);
});

interface RingingInvite {
  readonly callId: string;
  /** bob answers with this final status. */
  reject(status: number): Promise<void>;
  /** bob receives the edge's CANCEL and ends with 487. */
  answerCancel(): Promise<void>;
}

/**
 * alice (TLS) calls bob (TLS, registered): INVITE, the edge's 407 answered with digest, bob rings (180) and
 * keeps ringing until `reject` sends his final answer, which alice acknowledges.
 */
async function inviteOverLink(alice: SipLink, bob: SipLink, domain: string): Promise<RingingInvite> {
  const callId = `${randomBytes(8).toString('hex')}@127.0.0.1`;
  const tag = randomBytes(4).toString('hex');
  const uri = `sip:bob@${domain}`;
  const sdp = [
    'v=0',
    'o=alice 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 40000 RTP/AVP 0',
    '',
  ].join('\r\n');
  const request = (method: string, cseq: number, branch: string, extra: string[] = [], toTag = '') =>
    [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/TLS ${alice.via};branch=${branch};rport`,
      'Max-Forwards: 70',
      `From: <sip:alice@${domain}>;tag=${tag}`,
      `To: <${uri}>${toTag}`,
      `Call-ID: ${callId}`,
      `CSeq: ${cseq} ${method}`,
      `Contact: <sip:alice@${alice.via};transport=tls>`,
      ...extra,
      ...(method === 'INVITE'
        ? ['Content-Type: application/sdp', `Content-Length: ${sdp.length}`, '', sdp]
        : ['Content-Length: 0', '', '']),
    ].join('\r\n');
  const nextFinalOrRinging = async (link: SipLink) => {
    for (;;) {
      const message = await link.nextMessage();
      if (statusOf(message) !== 100) return message;
    }
  };

  const firstBranch = `z9hG4bK${randomBytes(6).toString('hex')}`;
  alice.send(request('INVITE', 1, firstBranch));
  const challenge = await nextFinalOrRinging(alice);
  expect(statusOf(challenge)).toBe(407);
  alice.send(request('ACK', 1, firstBranch, [], `;tag=${/;tag=([^;\s>]+)/.exec(header(challenge, 'To'))?.[1]}`));
  const param = (name: string) =>
    new RegExp(`${name}="([^"]*)"`, 'i').exec(header(challenge, 'Proxy-Authenticate'))?.[1] ?? '';
  const cnonce = randomBytes(8).toString('hex');
  const ha1 = md5(`alice:${param('realm')}:${PASSWORD}`);
  const response = md5(`${ha1}:${param('nonce')}:00000001:${cnonce}:auth:${md5(`INVITE:${uri}`)}`);
  const authorization = `Digest username="alice", realm="${param('realm')}", nonce="${param('nonce')}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="${cnonce}"`;
  const branch = `z9hG4bK${randomBytes(6).toString('hex')}`;
  alice.send(request('INVITE', 2, branch, [`Proxy-Authorization: ${authorization}`]));

  const relayed = await bob.nextMessage();
  expect(relayed).toMatch(/^INVITE /);
  const bobTag = randomBytes(4).toString('hex');
  /** bob's answer to `to` (the relayed INVITE, or a CANCEL of it). */
  const reply = (status: string, to = relayed) =>
    [
      `SIP/2.0 ${status}`,
      ...to.split('\r\n').filter((line) => /^(Via|Record-Route|From|Call-ID|CSeq):/i.test(line)),
      `To: ${header(to, 'To').replace(/;tag=.*$/, '')};tag=${bobTag}`,
      `Contact: <sip:bob@${bob.via};transport=tls>`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  bob.send(reply('180 Ringing'));
  expect(statusOf(await nextFinalOrRinging(alice))).toBe(180);
  /** bob ends the call with a final answer: the edge acknowledges it and relays it to alice, who acknowledges it. */
  async function final(status: number, phrase: string) {
    bob.send(reply(`${status} ${phrase}`));
    expect(await bob.nextMessage()).toMatch(/^ACK /);
    const answer = await nextFinalOrRinging(alice);
    expect(statusOf(answer)).toBe(status);
    alice.send(request('ACK', 2, branch, [], `;tag=${/;tag=([^;\s>]+)/.exec(header(answer, 'To'))?.[1]}`));
  }
  return {
    callId,
    reject: (status: number) => final(status, 'Busy Here'),
    async answerCancel() {
      const cancel = await bob.nextMessage();
      expect(cancel).toMatch(/^CANCEL /);
      bob.send(reply('200 OK', cancel));
      await final(487, 'Request Terminated');
    },
  };
}
