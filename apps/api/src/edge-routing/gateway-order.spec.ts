import type { OutboundGatewayRow } from './edge-routing.repository';
import { orderGateways } from './gateway-order';

function gateway(host: string, overrides: Partial<OutboundGatewayRow> = {}): OutboundGatewayRow {
  return {
    routePriority: 10,
    carrierId: 'carrier-a',
    host,
    port: 5060,
    transport: 'udp',
    priority: 10,
    weight: 1,
    status: 'up',
    authUsername: null,
    authPassword: null,
    fromDomain: null,
    callerIdNumber: null,
    srtp: 'off',
    dtmf: 'rfc4733',
    ...overrides,
  };
}

const hosts = (rows: OutboundGatewayRow[]): string[] => rows.map((row) => row.host);

describe('orderGateways', () => {
  it('tries lower priorities first', () => {
    const rows = [gateway('b', { priority: 20 }), gateway('a', { priority: 5 }), gateway('c', { priority: 30 })];
    expect(hosts(orderGateways(rows))).toEqual(['a', 'b', 'c']);
  });

  it('keeps carriers in route order, and tries gateways that fail health checks last within their carrier', () => {
    const rows = [
      gateway('a1', { status: 'down', priority: 1 }),
      gateway('a2', { priority: 50 }),
      gateway('b1', { carrierId: 'carrier-b' }),
    ];
    expect(hosts(orderGateways(rows))).toEqual(['a2', 'a1', 'b1']);
  });

  it('lists a gateway reached through two routes once', () => {
    const rows = [gateway('a'), gateway('a', { routePriority: 20 })];
    expect(hosts(orderGateways(rows))).toEqual(['a']);
  });

  it('orders equal priorities by weight: the random draw picks within the cumulative weights', () => {
    const rows = [gateway('light', { weight: 1 }), gateway('heavy', { weight: 3 })];
    // total 4: a draw below 1 picks "light", anything from 1 to 4 picks "heavy".
    expect(hosts(orderGateways(rows, () => 0.1))).toEqual(['light', 'heavy']);
    expect(hosts(orderGateways(rows, () => 0.5))).toEqual(['heavy', 'light']);
  });

  it('spreads first attempts in proportion to weight', () => {
    const rows = [gateway('light', { weight: 1 }), gateway('heavy', { weight: 3 })];
    let seed = 1;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const firsts = Array.from({ length: 4000 }, () => orderGateways(rows, random)[0]?.host);
    const heavyShare = firsts.filter((host) => host === 'heavy').length / firsts.length;
    expect(heavyShare).toBeGreaterThan(0.7);
    expect(heavyShare).toBeLessThan(0.8);
  });
});
