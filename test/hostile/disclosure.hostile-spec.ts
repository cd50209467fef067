import { KamailioHarness } from '../support/sip-harness';
import { edgeRpc } from './support/edge-state';
import { TRANSPORTS, headerOf, openLink, sipRequest, statusOf } from './support/sip-wire';

/**
 * What the edge tells strangers (issue 11, findings 7 and 9): no software name or version in its answers, and
 * its control interface answers only the worker's token.
 */
describe('Hostile traffic: disclosure and control interfaces', () => {
  let edge: KamailioHarness;

  beforeAll(async () => {
    edge = await KamailioHarness.start();
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
  });

  it.each(TRANSPORTS)('%s: answers name Callwire, never the software behind it', async (transport) => {
    const link = await openLink(transport, edge, '127.0.0.6');
    try {
      for (const method of ['REGISTER', 'OPTIONS', 'INVITE']) {
        const uri = method === 'OPTIONS' ? `sip:127.0.0.1:${edge.port}` : 'sip:nobody@disclosure.example';
        link.send(
          sipRequest({ method, uri, link, from: 'sip:x@disclosure.example', to: 'sip:nobody@disclosure.example' }),
        );
        const answer = await link.next(2000);
        expect(statusOf(answer)).toBeGreaterThanOrEqual(200);
        expect(headerOf(answer, 'Server')).toBe('Callwire');
        expect(answer).not.toMatch(/kamailio|sip-router|ser \(/i);
      }
    } finally {
      link.close();
    }
  });

  it('JSON-RPC: refused without the worker’s token or with another one; served with it', async () => {
    const call = (authorization?: string) =>
      fetch(`http://127.0.0.1:${edge.rpcPort}/RPC`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'htable.flush', params: ['revoked'], id: 1 }),
      });
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${process.env.EDGE_RPC_TOKEN}`]) {
      const response = await call(authorization);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toMatch(/kamailio/i);
    }
    expect(await edgeRpc(edge, 'core.uptime')).toHaveProperty('uptime');
  });
});
