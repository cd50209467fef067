import { type GatewaySpec, planGateways } from './carrier-gateways';

const spec = (host: string, overrides: Partial<GatewaySpec> = {}): GatewaySpec => ({
  host,
  port: 5060,
  transport: 'udp',
  priority: 10,
  weight: 1,
  ...overrides,
});

describe('planGateways', () => {
  const existing = [
    { id: 'a', host: 'a.example', port: 5060, transport: 'udp' },
    { id: 'b', host: 'b.example', port: 5060, transport: 'udp' },
    { id: 'c', host: 'c.example', port: 5061, transport: 'tls' },
  ];

  it('keeps the gateways with the same host, port and transport (new priority and weight), adds and removes the rest', () => {
    const plan = planGateways(existing, [
      spec('a.example', { priority: 1, weight: 7 }),
      spec('c.example', { port: 5061, transport: 'tcp' }),
      spec('d.example'),
    ]);
    expect(plan).toEqual({
      kept: [{ id: 'a', priority: 1, weight: 7 }],
      added: [spec('c.example', { port: 5061, transport: 'tcp' }), spec('d.example')],
      removedIds: ['b', 'c'],
    });
  });

  it('an empty list removes every gateway; the same list keeps every one', () => {
    expect(planGateways(existing, [])).toEqual({ kept: [], added: [], removedIds: ['a', 'b', 'c'] });
    const same = existing.map((gateway) => spec(gateway.host, { port: gateway.port, transport: gateway.transport }));
    expect(planGateways(existing, same).kept.map((gateway) => gateway.id)).toEqual(['a', 'b', 'c']);
  });
});
