import type { CallwireConfig } from '@callwire/config';
import type { LocationRepository } from '@callwire/database';
import type { ApplicationAnswer } from './application-answer';
import type { ApplicationVoiceClient } from './application-voice.client';
import type { EdgeRouteRequest } from './edge-route.contract';
import type { EdgeRoutingRepository, InboundNumber, OutboundGatewayRow } from './edge-routing.repository';
import { InboundRoutingService, numberCandidates } from './inbound-routing.service';
import { OutboundRoutingService } from './outbound-routing.service';

const ACCOUNT = '01890000-0000-7000-8000-0000000000aa';
const APPLICATION = '01890000-0000-7000-8000-0000000000bb';

const inboundRequest: EdgeRouteRequest = {
  kind: 'inbound',
  sipCallId: 'call-1',
  sourceIp: '203.0.113.5',
  sourcePort: 5060,
  transport: 'udp',
  requestUser: '+15550001001',
  toUser: '+15550001001',
  fromUser: '+14155550100',
  fromDomain: 'carrier.example',
};

function number(overrides: Partial<InboundNumber> = {}): InboundNumber {
  return {
    accountId: ACCOUNT,
    sipDomain: 'acme.example',
    routeType: 'sip-user',
    routeTarget: 'alice',
    carrierId: 'carrier-1',
    carrierDtmf: 'rfc4733',
    carrierSrtp: 'off',
    challengeable: false,
    ...overrides,
  };
}

/** The routing reads, and the registrations (LocationRepository.findRegistered) in the same mock. */
function repository(overrides: Partial<Record<keyof EdgeRoutingRepository | 'findRegistered', jest.Mock>> = {}) {
  return {
    findInboundNumber: jest.fn().mockResolvedValue(number()),
    isKnownCarrier: jest.fn().mockResolvedValue(false),
    findRegistered: jest.fn(async (_domain: string, users: readonly string[]) => new Set(users)),
    findApplication: jest.fn().mockResolvedValue({ id: APPLICATION, voiceUrl: 'http://app/voice', fallbackUrl: null }),
    findAccountIdBySipDomain: jest.fn().mockResolvedValue(ACCOUNT),
    findOutboundGateways: jest.fn().mockResolvedValue([]),
    ...overrides,
  } as unknown as EdgeRoutingRepository;
}

const config = { routing: { carrierRealm: 'callwire' } } as CallwireConfig;

function inbound(repo = repository(), answer: ApplicationAnswer | null = null) {
  const applications = { ask: jest.fn().mockResolvedValue(answer) } as unknown as ApplicationVoiceClient;
  return new InboundRoutingService(repo, repo as unknown as LocationRepository, applications, config);
}

describe('numberCandidates', () => {
  it('reads a number with or without its +, and nothing else', () => {
    expect(numberCandidates('+15550001001')).toEqual(['+15550001001']);
    expect(numberCandidates('15550001001')).toEqual(['+15550001001', '15550001001']);
    expect(numberCandidates('alice')).toEqual([]);
    expect(numberCandidates('01a1fe28-ce9f-72a4')).toEqual([]);
  });
});

describe(InboundRoutingService.name, () => {
  it('rings a SIP user at its registrations', async () => {
    expect(await inbound().route(inboundRequest)).toEqual({
      action: 'dial',
      accountId: ACCOUNT,
      direction: 'inbound',
      mode: 'parallel',
      targets: [{ kind: 'aor', uri: 'sip:alice@acme.example' }],
      timeoutMs: 30_000,
    });
  });

  it("names the calling carrier's DTMF mode when it is info", async () => {
    const info = repository({ findInboundNumber: jest.fn().mockResolvedValue(number({ carrierDtmf: 'info' })) });
    expect(await inbound(info).route(inboundRequest)).toMatchObject({ action: 'dial', callerDtmf: 'info' });
  });

  it("names the calling carrier's SRTP policy when it is require, however the carrier was recognised", async () => {
    const strict = repository({ findInboundNumber: jest.fn().mockResolvedValue(number({ carrierSrtp: 'require' })) });
    expect(await inbound(strict).route(inboundRequest)).toMatchObject({ action: 'dial', callerSrtp: 'require' });
    for (const carrierSrtp of ['off', 'offer'] as const) {
      const relaxed = repository({ findInboundNumber: jest.fn().mockResolvedValue(number({ carrierSrtp })) });
      expect(await inbound(relaxed).route(inboundRequest)).not.toHaveProperty('callerSrtp');
    }
  });

  it('a client identity rings as client.<identity>; a SIP URI as is', async () => {
    const client = repository({
      findInboundNumber: jest.fn().mockResolvedValue(number({ routeType: 'client', routeTarget: 'bob' })),
    });
    expect(await inbound(client).route(inboundRequest)).toMatchObject({
      targets: [{ kind: 'aor', uri: 'sip:client.bob@acme.example' }],
    });
    const uri = repository({
      findInboundNumber: jest
        .fn()
        .mockResolvedValue(number({ routeType: 'sip-uri', routeTarget: 'sip:desk@pbx.example' })),
    });
    expect(await inbound(uri).route(inboundRequest)).toMatchObject({
      targets: [{ kind: 'uri', uri: 'sip:desk@pbx.example' }],
    });
  });

  it('lets the edge reuse only what numbers, carriers and accounts alone decide (a SIP URI)', async () => {
    const routedTo = (routeType: string, routeTarget: string) =>
      repository({ findInboundNumber: jest.fn().mockResolvedValue(number({ routeType, routeTarget })) });
    expect(await inbound(routedTo('sip-uri', 'sip:desk@pbx.example')).route(inboundRequest)).toMatchObject({
      action: 'dial',
      cacheable: true,
    });
    // Registrations and applications change without the edge being told: asked again every call.
    const registered = await inbound(routedTo('sip-user', 'alice')).route(inboundRequest);
    const client = await inbound(routedTo('client', 'bob')).route(inboundRequest);
    const answer: ApplicationAnswer = { action: 'forward', uri: 'sip:desk@pbx.example' };
    const application = await inbound(routedTo('application', APPLICATION), answer).route(inboundRequest);
    for (const decision of [registered, client, application]) {
      expect(decision).toMatchObject({ action: 'dial' });
      expect(decision).not.toHaveProperty('cacheable');
    }
    const refused = await inbound(
      repository({ findInboundNumber: jest.fn().mockResolvedValue(null), isKnownCarrier: jest.fn() }),
    ).route(inboundRequest);
    expect(refused).not.toHaveProperty('cacheable');
  });

  it('480 when the user is not registered, recorded for the account', async () => {
    const repo = repository({ findRegistered: jest.fn().mockResolvedValue(new Set()) });
    expect(await inbound(repo).route(inboundRequest)).toEqual({
      action: 'reject',
      status: 480,
      reason: 'Temporarily Unavailable',
      accountId: ACCOUNT,
      direction: 'inbound',
    });
  });

  it('unknown number: 404 for a known carrier, 403 for anyone else', async () => {
    const unknown = { findInboundNumber: jest.fn().mockResolvedValue(null) };
    expect(
      await inbound(repository({ ...unknown, isKnownCarrier: jest.fn().mockResolvedValue(true) })).route(
        inboundRequest,
      ),
    ).toMatchObject({ status: 404 });
    expect(await inbound(repository(unknown)).route(inboundRequest)).toMatchObject({ status: 403 });
  });

  it("a source that is none of the number's carriers: challenged when they authenticate, else 403", async () => {
    const stranger = (challengeable: boolean) =>
      repository({ findInboundNumber: jest.fn().mockResolvedValue(number({ carrierId: null, challengeable })) });
    expect(await inbound(stranger(true)).route(inboundRequest)).toEqual({ action: 'challenge', realm: 'callwire' });
    expect(await inbound(stranger(false)).route(inboundRequest)).toMatchObject({ action: 'reject', status: 403 });
    // Credentials of another account's carrier are refused, never challenged again.
    expect(await inbound(stranger(true)).route({ ...inboundRequest, carrierUsername: 'other' })).toMatchObject({
      status: 403,
    });
  });

  describe('a number routed to an application', () => {
    const routed = () =>
      repository({
        findInboundNumber: jest.fn().mockResolvedValue(number({ routeType: 'application', routeTarget: APPLICATION })),
      });

    it("executes its dial answer, with the application's caller ID", async () => {
      const answer: ApplicationAnswer = {
        action: 'dial',
        targets: [
          { type: 'sip-user', target: 'alice' },
          { type: 'client', target: 'bob' },
        ],
        timeoutSeconds: 12,
        callerId: '+15550009999',
      };
      expect(await inbound(routed(), answer).route(inboundRequest)).toEqual({
        action: 'dial',
        accountId: ACCOUNT,
        direction: 'inbound',
        applicationId: APPLICATION,
        mode: 'parallel',
        targets: [
          { kind: 'aor', uri: 'sip:alice@acme.example' },
          { kind: 'aor', uri: 'sip:client.bob@acme.example' },
        ],
        timeoutMs: 12_000,
        fromUri: 'sip:+15550009999@acme.example',
      });
    });

    it('leaves out targets that are not registered', async () => {
      const repo = repository({
        findInboundNumber: jest.fn().mockResolvedValue(number({ routeType: 'application', routeTarget: APPLICATION })),
        findRegistered: jest.fn().mockResolvedValue(new Set(['client.bob'])),
      });
      const answer: ApplicationAnswer = {
        action: 'dial',
        targets: [
          { type: 'sip-user', target: 'alice' },
          { type: 'client', target: 'bob' },
        ],
        timeoutSeconds: 30,
      };
      expect(await inbound(repo, answer).route(inboundRequest)).toMatchObject({
        targets: [{ kind: 'aor', uri: 'sip:client.bob@acme.example' }],
      });
    });

    it('refuses with its status, or 503 when it gave no valid answer', async () => {
      expect(await inbound(routed(), { action: 'reject', status: 603 }).route(inboundRequest)).toMatchObject({
        action: 'reject',
        status: 603,
        applicationId: APPLICATION,
      });
      expect(await inbound(routed(), null).route(inboundRequest)).toMatchObject({ action: 'reject', status: 503 });
    });
  });
});

function gateway(overrides: Partial<OutboundGatewayRow> = {}): OutboundGatewayRow {
  return {
    routePriority: 1,
    carrierId: 'carrier-1',
    host: '198.51.100.7',
    port: 5060,
    transport: 'udp',
    priority: 1,
    weight: 1,
    status: 'up',
    authUsername: 'acme',
    authPassword: 'secret',
    fromDomain: null,
    callerIdNumber: '+15550001001',
    srtp: 'off',
    dtmf: 'rfc4733',
    ...overrides,
  };
}

describe(OutboundRoutingService.name, () => {
  const outboundRequest: EdgeRouteRequest = {
    ...inboundRequest,
    kind: 'outbound',
    requestUser: '+442071234567',
    fromUser: 'alice',
    fromDomain: 'acme.example',
  };

  it('tries the gateways in order, with the carrier credentials and caller ID', async () => {
    const repo = repository({
      findOutboundGateways: jest
        .fn()
        .mockResolvedValue([
          gateway({ host: 'second.example', priority: 2 }),
          gateway({ host: '2001:db8::1', transport: 'tcp', authUsername: null, authPassword: null }),
        ]),
    });
    expect(await new OutboundRoutingService(repo).route(outboundRequest)).toEqual({
      action: 'dial',
      accountId: ACCOUNT,
      direction: 'outbound',
      mode: 'serial',
      targets: [
        { kind: 'uri', uri: 'sip:+442071234567@[2001:db8::1]:5060;transport=tcp' },
        {
          kind: 'uri',
          uri: 'sip:+442071234567@second.example:5060;transport=udp',
          authUsername: 'acme',
          authPassword: 'secret',
        },
      ],
      timeoutMs: 30_000,
      fromUri: 'sip:+15550001001@[2001:db8::1]',
    });
  });

  it("gives each gateway its carrier's SRTP policy unless it is off", async () => {
    const repo = repository({
      findOutboundGateways: jest
        .fn()
        .mockResolvedValue([
          gateway({ host: 'a.example', srtp: 'require' }),
          gateway({ host: 'b.example', priority: 2 }),
        ]),
    });
    const decision = await new OutboundRoutingService(repo).route(outboundRequest);
    expect(decision).toMatchObject({
      targets: [
        { uri: expect.stringContaining('a.example'), srtp: 'require' },
        { uri: expect.stringContaining('b.example') },
      ],
    });
    expect(decision.action === 'dial' && decision.targets[1]).not.toHaveProperty('srtp');
  });

  it("gives each gateway its carrier's DTMF mode unless it is rfc4733", async () => {
    const repo = repository({
      findOutboundGateways: jest
        .fn()
        .mockResolvedValue([gateway({ host: 'a.example', dtmf: 'info' }), gateway({ host: 'b.example', priority: 2 })]),
    });
    const decision = await new OutboundRoutingService(repo).route(outboundRequest);
    expect(decision).toMatchObject({
      targets: [
        { uri: expect.stringContaining('a.example'), dtmf: 'info' },
        { uri: expect.stringContaining('b.example') },
      ],
    });
    expect(decision.action === 'dial' && decision.targets[1]).not.toHaveProperty('dtmf');
  });

  it('no route: 404 recorded for the account; an unknown domain: 403', async () => {
    expect(await new OutboundRoutingService(repository()).route(outboundRequest)).toMatchObject({
      action: 'reject',
      status: 404,
      accountId: ACCOUNT,
      direction: 'outbound',
    });
    const unknown = repository({ findAccountIdBySipDomain: jest.fn().mockResolvedValue(null) });
    expect(await new OutboundRoutingService(unknown).route(outboundRequest)).toMatchObject({ status: 403 });
  });
});
