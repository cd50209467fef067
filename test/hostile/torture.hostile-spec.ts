import { ApiHarness } from '../support/api-harness';
import { KamailioHarness } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { logLines } from './support/edge-state';
import { inBatches, probe } from './support/probe';
import { TRANSPORTS, registerOnce } from './support/sip-wire';
import { tortureCases, tortureMarker } from './support/torture';

const SEED = 4475;
/** The torture comes from here; the legitimate client registers from 127.0.0.1. */
const ATTACKER = '127.0.0.4';
const PASSWORD = 'torture-user-password';

/**
 * RFC 3261/4475-style torture over every transport: each message gets an acceptable answer (the right error for
 * well-formed but invalid requests, nothing or 400 for malformed ones), the edge stays up, never logs a
 * malformed message verbatim, and a real client registers afterwards.
 */
describe('Hostile traffic: torture messages (UDP, TCP, TLS, WSS)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let domain: string;

  beforeAll(async () => {
    isolateQueues('hostile-torture');
    api = await ApiHarness.start();
    edge = await KamailioHarness.start();
    const tenant = await api.createTenant('Torture');
    domain = tenant.sipDomain;
    await api.request('POST', '/v1/sip-users', { key: tenant.key, body: { username: 'alice', password: PASSWORD } });
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
    await api?.close();
  });

  it.each(TRANSPORTS.map((transport, index) => [transport, SEED + index] as const))(
    '%s: every torture message gets an acceptable answer or none, then a real client registers',
    async (transport, seed) => {
      const via = transport === 'wss' ? 'torture.invalid' : `${ATTACKER}:5060`;
      const cases = tortureCases(seed, { edge: `127.0.0.1:${edge.port}`, domain, link: { transport, via } });
      const answers = await inBatches(cases, 6, async (torture) => {
        let status = await probe(transport, edge, torture.bytes, { from: ATTACKER, waitMs: 1200 });
        // A case that must be answered and was not: sent once more with a longer wait, so that a machine busy
        // for a second (TLS workers behind other tests) is not taken for a missing answer.
        if (status === 0 && !torture.allowed.includes(0)) {
          status = await probe(transport, edge, torture.bytes, { from: ATTACKER, waitMs: 5000 });
        }
        return { name: torture.name, allowed: torture.allowed, status };
      });

      // One verdict with everything that matters, so that a failure names every deviation at once: cases
      // answered otherwise than allowed, the controls (a challenge and a keepalive answer prove the path was
      // live), log lines that contain a torture message, and a real registration afterwards.
      const verdict = {
        unexpected: answers.filter((answer) => !answer.allowed.includes(answer.status)),
        controls: answers.slice(0, 2).map((answer) => answer.status),
        loggedVerbatim: logLines(edge, tortureMarker(seed)),
        realRegistration: await registerOnce(transport, edge, { user: 'alice', domain, password: PASSWORD }),
      };
      expect(verdict).toEqual({ unexpected: [], controls: [401, 200], loggedVerbatim: [], realRegistration: 200 });
    },
    60_000,
  );
});
