import { createSocket } from 'node:dgram';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiHarness } from '../support/api-harness';
import { KamailioHarness } from '../support/sip-harness';
import { isolateDatabase, isolateQueues } from '../support/test-run';
import { TRANSPORTS, type Transport, challengeOf, openLink, sipRequest, statusOf, token } from './support/sip-wire';

/** The relay attempt comes from here (not a carrier's address, never authenticated). */
const ATTACKER = '127.0.0.5';
/**
 * How long the victim listens after the last attempt. Not a wait for something to happen: the test is that
 * nothing arrives, and a relayed request would be there within milliseconds on loopback.
 */
const RELAY_WINDOW_MS = 500;

/**
 * Open relay (issue 11, finding 1): an unauthenticated request with a forged To-tag and a Route header must not be
 * relayed anywhere. The target is a UDP socket this spec listens on: nothing may arrive there.
 */
describe('Hostile traffic: relay attempts', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  const victim = createSocket('udp4');
  const arrived: string[] = [];

  beforeAll(async () => {
    isolateQueues('hostile-relay');
    // The edge passes unauthenticated INVITEs from carriers' addresses to the platform: other specs' carriers
    // (loopback addresses) must not be in its database.
    await isolateDatabase('hostile_relay');
    api = await ApiHarness.start();
    edge = await KamailioHarness.start();
    victim.on('message', (data) => arrived.push(data.toString('latin1')));
    await new Promise<void>((done) => victim.bind(0, '127.0.0.1', done));
  }, 60_000);
  afterAll(async () => {
    victim.close();
    await edge?.stop();
    await api?.close();
  });

  /** Sends one request over a fresh link and returns the first final answer (0: none within 1.5 s). */
  async function attempt(transport: Transport, build: (via: { transport: Transport; via: string }) => string) {
    const link = await openLink(transport, edge, ATTACKER);
    try {
      link.send(build(link));
      for (;;) {
        const message = await link.next(1500);
        if (message === undefined) return { status: 0, message: '' };
        if (statusOf(message) >= 200) return { status: statusOf(message), message };
      }
    } finally {
      link.close();
    }
  }

  const victimUri = () => `sip:victim@127.0.0.1:${victim.address().port}`;
  const routes = () => ({
    'the edge itself': `<sip:127.0.0.1:${edge.port};lr>`,
    'a foreign hop': `<sip:127.0.0.1:${victim.address().port};lr>`,
  });

  it.each(TRANSPORTS)(
    '%s: in-dialog-looking INVITE and MESSAGE (To-tag, Route) get 481 and reach nobody',
    async (transport) => {
      arrived.length = 0;
      const answers: Record<string, number> = {};
      for (const method of ['INVITE', 'MESSAGE']) {
        for (const [routeName, route] of Object.entries(routes())) {
          const { status } = await attempt(transport, (link) =>
            sipRequest({
              method,
              uri: victimUri(),
              link,
              from: 'sip:ceo@bank.example',
              to: 'sip:victim@carrier.example',
              toTag: token(4),
              headers: [
                `Route: ${route}`,
                `Contact: <sip:ceo@${link.via}>`,
                ...(method === 'MESSAGE' ? ['Content-Type: text/plain'] : []),
              ],
              body: method === 'MESSAGE' ? 'wire the money' : '',
            }),
          );
          answers[`${method} via ${routeName}`] = status;
        }
      }
      // An ACK has no answer: it must simply go nowhere.
      await attempt(transport, (link) =>
        sipRequest({
          method: 'ACK',
          uri: victimUri(),
          link,
          from: 'sip:ceo@bank.example',
          to: 'sip:victim@carrier.example',
          toTag: token(4),
          headers: [`Route: ${routes()['a foreign hop']}`],
        }),
      );
      await sleep(RELAY_WINDOW_MS);
      expect({ answers, arrived }).toEqual({
        answers: {
          'INVITE via the edge itself': 481,
          'INVITE via a foreign hop': 481,
          'MESSAGE via the edge itself': 481,
          'MESSAGE via a foreign hop': 481,
        },
        arrived: [],
      });
    },
    30_000,
  );

  it('an initial INVITE with a preloaded foreign Route is challenged, its Route not followed', async () => {
    arrived.length = 0;
    const { status } = await attempt('udp', (link) =>
      sipRequest({
        method: 'INVITE',
        uri: victimUri(),
        link,
        from: 'sip:ceo@bank.example',
        to: victimUri(),
        headers: [`Route: ${routes()['a foreign hop']}`, `Contact: <sip:ceo@${link.via}>`],
      }),
    );
    await sleep(RELAY_WINDOW_MS);
    expect(arrived).toEqual([]);
    expect([401, 403, 404, 407]).toContain(status);
  });

  it("an unauthenticated INVITE to the edge's own address from a non-carrier is challenged at the edge", async () => {
    const { status, message } = await attempt('udp', (link) =>
      sipRequest({
        method: 'INVITE',
        uri: `sip:+15550100@127.0.0.1:${edge.port}`,
        link,
        from: 'sip:+15550199@127.0.0.1',
        to: `sip:+15550100@127.0.0.1:${edge.port}`,
        headers: [`Contact: <sip:+15550199@${link.via}>`],
      }),
    );
    expect({ status, realm: challengeOf(message).realm }).toEqual({
      status: 407,
      realm: process.env.SIP_CARRIER_REALM ?? 'callwire',
    });
  });
});
