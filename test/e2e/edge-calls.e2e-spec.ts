import { createSocket } from 'node:dgram';
import { ApiHarness } from '../support/api-harness';
import { type CallOutcome, KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };

const PASSWORD = 'call-test-password';

describe('SIP edge: calls between registered SIP phones (e2e, Kamailio + SIPp)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let acme: Tenant;

  beforeAll(async () => {
    api = await ApiHarness.start();
    edge = await KamailioHarness.start();
    acme = await api.createTenant('Calls Acme');
    for (const username of ['alice', 'bob', 'nobody']) {
      await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username, password: PASSWORD } });
    }
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
    await api?.close();
  });

  /** bob's phone (SIPp) takes one call as `outcome` says while `placeCall` runs. */
  async function withCallee(outcome: CallOutcome, placeCall: () => Promise<unknown>) {
    const callee = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'bob',
      domain: acme.sipDomain,
      password: PASSWORD,
      outcome,
    });
    try {
      await placeCall();
      expect(await callee.done).toMatchObject({ exitCode: 0 });
    } finally {
      await callee.finish();
    }
  }

  const call = (target: string, outcome: CallOutcome, final?: number) =>
    runSipp({
      scenario: 'caller',
      outcome,
      final,
      edgePort: edge.port,
      keys: { user: 'alice', domain: acme.sipDomain, target, target_domain: acme.sipDomain },
      auth: { username: 'alice', password: PASSWORD },
      timeoutSeconds: 20,
    });

  it('answered: INVITE (digest 407) → 180 → 200 → ACK → BYE, all through the edge', async () => {
    await withCallee('answer', async () => expect(await call('bob', 'answer')).toMatchObject({ exitCode: 0 }));
  });

  it("answered with media: the callee's RTP reaches the address the caller offered through the edge", async () => {
    const media = createSocket('udp4');
    let packets = 0;
    media.on('message', () => packets++);
    await new Promise<void>((done) => media.bind(0, '127.0.0.1', done));
    try {
      const callee = await startRegisteredCallee({
        edgePort: edge.port,
        user: 'bob',
        domain: acme.sipDomain,
        password: PASSWORD,
        outcome: 'answer',
        playAudio: true,
      });
      const caller = await runSipp({
        scenario: 'caller',
        outcome: 'answer',
        edgePort: edge.port,
        keys: { user: 'alice', domain: acme.sipDomain, target: 'bob', target_domain: acme.sipDomain },
        auth: { username: 'alice', password: PASSWORD },
        offerRtpPort: media.address().port,
        holdMs: 2000,
        timeoutSeconds: 20,
      });
      expect(caller).toMatchObject({ exitCode: 0 });
      expect(await callee.finish()).toMatchObject({ exitCode: 0 }); // the BYE went through the edge
      expect(packets).toBeGreaterThanOrEqual(50); // 20 ms packets: 2 s of audio is ~100
    } finally {
      media.close();
    }
  });

  it('busy: the callee answers 486 and the caller gets it', async () => {
    await withCallee('reject', async () => expect(await call('bob', 'reject', 486)).toMatchObject({ exitCode: 0 }));
  });

  it('canceled: the caller hangs up while it rings → 487, the callee sees the CANCEL', async () => {
    await withCallee('cancel', async () => expect(await call('bob', 'cancel')).toMatchObject({ exitCode: 0 }));
  });

  it('no answer: the edge gives up after SIP_NO_ANSWER_MS → 408, and cancels the callee', async () => {
    await withCallee('cancel', async () => expect(await call('bob', 'reject', 408)).toMatchObject({ exitCode: 0 }));
  });

  it('a user who is not registered → 404', async () => {
    expect(await call('nobody', 'reject', 404)).toMatchObject({ exitCode: 0 });
  });
});
