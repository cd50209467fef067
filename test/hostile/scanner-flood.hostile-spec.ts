import { ApiHarness } from '../support/api-harness';
import { KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { createResource } from '../support/trunks';
import { eventually } from '../support/eventually';
import { bannedAddresses, securityEvents, securityEventsOf } from './support/edge-state';
import { flood, scannerOptions } from './support/flood';
import { probe } from './support/probe';
import { TRANSPORTS, sipRequest, token } from './support/sip-wire';

const SCANNER = '127.0.0.2';
// The run's specs share one database and every edge loads all carriers' inbound addresses, which are never
// judged floods: the flooder's address must be no spec's carrier (127.0.0.x are taken by the trunk specs).
const FLOODER = '127.0.3.6';
/** A carrier's inbound address: its customers' calls all come from it. */
const CARRIER = '127.0.3.7';
const PASSWORD = 'flood-test-password';

/**
 * Scanners and floods (issue 11, finding 3): a friendly-scanner flood at 1,000 req/s gets no answer at all and bans
 * its source, while a legitimate client on 127.0.0.1 keeps registering and calling; a banned source gets nothing,
 * whatever its User-Agent and transport; a flood with an ordinary User-Agent trips pike, unless it comes from a
 * carrier's inbound address.
 */
describe('Hostile traffic: scanner flood and bans', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let domain: string;

  beforeAll(async () => {
    isolateQueues('hostile-flood');
    api = await ApiHarness.start();
    const tenant = await api.createTenant('Flood');
    domain = tenant.sipDomain;
    for (const username of ['alice', 'bob']) {
      await api.request('POST', '/v1/sip-users', { key: tenant.key, body: { username, password: PASSWORD } });
    }
    // Before the edge starts: it loads the carriers' inbound addresses at start.
    await createResource(api, tenant, '/v1/carriers', {
      name: 'Busy trunk',
      inbound: { allowedAddresses: [`${CARRIER}/32`] },
    });
    edge = await KamailioHarness.start({ EDGE_BAN_SECONDS: '120' });
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
    await api?.close();
  });

  it('a 1,000 req/s friendly-scanner flood gets no answer and is banned; a real client registers and calls meanwhile', async () => {
    const callee = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'bob',
      domain,
      password: PASSWORD,
      outcome: 'answer',
    });
    const flooding = flood({
      edgePort: edge.port,
      from: SCANNER,
      rate: 1000,
      seconds: 3,
      message: (via) => scannerOptions(edge.port, via),
    });
    // The legitimate traffic below runs while the flood goes on: from when the edge has banned the scanner.
    await eventually(async () => (await bannedAddresses(edge)).includes(SCANNER), {
      timeoutMs: 3000,
      description: 'the edge to ban the scanner',
    });
    const legit = { registrations: 0, calls: 0, failed: [] as string[] };
    for (let round = 0; round < 2; round++) {
      const registration = await runSipp({
        scenario: 'register',
        final: 200,
        edgePort: edge.port,
        keys: { user: 'alice', domain, expires: '60' },
        auth: { username: 'alice', password: PASSWORD },
      });
      if (registration.exitCode === 0) legit.registrations++;
      else legit.failed.push(`register: ${registration.output.slice(-500)}`);
    }
    const call = await runSipp({
      scenario: 'caller',
      outcome: 'answer',
      edgePort: edge.port,
      keys: { user: 'alice', domain, target: 'bob', target_domain: domain },
      auth: { username: 'alice', password: PASSWORD },
      timeoutSeconds: 20,
    });
    if (call.exitCode === 0) legit.calls++;
    else legit.failed.push(`call: ${call.output.slice(-500)}`);
    const scanner = await flooding;
    const calleeResult = await callee.finish();

    const events = await securityEventsOf(SCANNER);
    expect({
      legit,
      callee: calleeResult.exitCode,
      scanner: { sent: scanner.sent, answers: scanner.answers, boundedSeconds: scanner.seconds <= 3.5 },
      banned: (await bannedAddresses(edge)).includes(SCANNER),
      // Distinct reports: edge processes that drop the scanner's first packets at the same moment may each report
      // the ban they set (a handful at most, never one per dropped request: the count is checked below).
      events: [
        ...new Set(events.map(({ kind, event, ip, reason }) => JSON.stringify({ kind, event, ip, reason }))),
      ].map((report) => JSON.parse(report) as unknown),
    }).toEqual({
      legit: { registrations: 2, calls: 1, failed: [] },
      callee: 0,
      scanner: { sent: 3000, answers: 0, boundedSeconds: true },
      banned: true,
      events: [{ kind: 'security', event: 'blocked', ip: SCANNER, reason: 'scanner' }],
    });
    // One report per ban and edge process that set it, not one per dropped request (3,000 were dropped).
    expect(events.length).toBeLessThanOrEqual(8);
    const [event] = events;
    expect(Number(event?.until)).toBeGreaterThan(Date.now() / 1000 + 60);
  }, 60_000);

  it.each(TRANSPORTS)('%s: the banned scanner gets no answer even with an ordinary User-Agent', async (transport) => {
    const status = await probe(
      transport,
      edge,
      Buffer.from(
        sipRequest({
          method: 'OPTIONS',
          uri: `sip:127.0.0.1:${edge.port}`,
          link: { transport, via: transport === 'wss' ? `${token(4)}.invalid` : `${SCANNER}:5060` },
          from: `sip:probe@${domain}`,
          to: `sip:127.0.0.1:${edge.port}`,
          userAgent: 'Linphone/5.2',
        }),
      ),
      { from: SCANNER, waitMs: 1500 },
    ).catch(() => 0); // a refused connection is no answer either
    expect(status).toBe(0);
  });

  /** A keepalive OPTIONS with an ordinary User-Agent, as phones and trunks send them. */
  const keepalive = (via: string) =>
    sipRequest({
      method: 'OPTIONS',
      uri: `sip:127.0.0.1:${edge.port}`,
      link: { transport: 'udp', via },
      from: `sip:probe@${domain}`,
      to: `sip:127.0.0.1:${edge.port}`,
      userAgent: 'Linphone/5.2',
    });

  it('a flood with an ordinary User-Agent above EDGE_PIKE_REQS per 2 s is cut off and banned as a flood', async () => {
    const result = await flood({ edgePort: edge.port, from: FLOODER, rate: 500, seconds: 2, message: keepalive });
    const events = await securityEventsOf(FLOODER);
    // pike lets the first EDGE_PIKE_REQS (200) per 2 s through, then nothing more is answered.
    expect(result.answers).toBeGreaterThan(0);
    expect(result.answers).toBeLessThan(result.sent / 2);
    expect((await bannedAddresses(edge)).includes(FLOODER)).toBe(true);
    // Two edge processes may both ban the source in the same instant: each report says flood.
    expect(events.length).toBeGreaterThan(0);
    expect([...new Set(events.map(({ reason }) => reason))]).toEqual(['flood']);
  }, 30_000);

  it("the same rate from a carrier's inbound address is answered throughout and never banned", async () => {
    const result = await flood({ edgePort: edge.port, from: CARRIER, rate: 500, seconds: 2, message: keepalive });
    // A flood would be cut off after 200 of the ~1,000; UDP on a busy machine may still lose a few.
    expect(result.answers).toBeGreaterThan(result.sent * 0.9);
    expect((await bannedAddresses(edge)).includes(CARRIER)).toBe(false);
    expect((await securityEvents()).filter((event) => event.ip === CARRIER)).toEqual([]);
  }, 30_000);
});
