import 'reflect-metadata';
import { type Socket, createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Job } from 'bullmq';
import { ConfigModule } from '@callwire/config';
import { DatabaseModule } from '@callwire/database';
import { LiveEventsModule, QueuesModule } from '@callwire/queues';
import { ApplicationVoiceClient } from '../../apps/api/src/edge-routing/application-voice.client';
import { EdgeRoutingRepository } from '../../apps/api/src/edge-routing/edge-routing.repository';
import { GatewayHealthModule } from '../../apps/worker/src/gateway-health/gateway-health.module';
import { GatewayHealthProcessor } from '../../apps/worker/src/gateway-health/gateway-health.processor';
import { InFlightJobsDrain } from '../../apps/worker/src/in-flight-jobs.drain';
import { WebhookEventPublisher } from '../../apps/worker/src/webhook-events/webhook-event.publisher';
import { WebhookDeliveriesModule } from '../../apps/worker/src/webhook-deliveries/webhook-deliveries.module';
import { ApiHarness, expectProblem } from '../support/api-harness';
import { compileWithConfig, configWith } from '../support/app-settings';
import { TEST_EGRESS_ALLOWED_NETWORKS } from '../support/egress-allowance';
import { eventually } from '../support/eventually';
import { RecordingReceiver } from '../support/recording-receiver';
import { isolateQueues } from '../support/test-run';

/** The worker's webhook deliveries and gateway health checks, with this file's egress settings. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    DiscoveryModule,
    QueuesModule.forRoot(),
    LiveEventsModule,
    WebhookDeliveriesModule,
    GatewayHealthModule,
  ],
  providers: [InFlightJobsDrain],
})
class EgressWorkerModule {}

type Tenant = { accountId: string; key: string };
interface FieldErrors {
  errors: { field: string; message: string }[];
}

/** Loopback, the metadata address and private networks, spelled every way fetch and the resolver read them. */
const INTERNAL_URL_HOSTS = [
  '127.0.0.1',
  'localhost',
  'LocalHost',
  '0.0.0.0',
  '[::ffff:127.0.0.1]',
  '0x7f000001',
  '2130706433',
  '0177.0.0.1',
  '127.1',
  '[::1]',
  '[::]',
  '169.254.169.254',
  '[fd00:ec2::254]',
  '[fe80::1]',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '100.64.0.1',
  '224.0.0.1',
  '255.255.255.255',
];
const INTERNAL_GATEWAY_HOSTS = [
  '127.0.0.1',
  'localhost',
  '0.0.0.0',
  '::ffff:127.0.0.1',
  '[::ffff:127.0.0.1]',
  '0x7f000001',
  '2130706433',
  '::1',
  '169.254.169.254',
  'fd00:ec2::254',
  '10.0.0.1',
  '192.168.1.1',
];

describe('Egress policy (e2e): no requests to internal addresses unless EGRESS_ALLOWED_NETWORKS allows them', () => {
  let receiver: RecordingReceiver;
  let lab: ApiHarness; // EGRESS_ALLOWED_NETWORKS as in the rest of the suite (loopback allowed)
  let strict: ApiHarness; // EGRESS_ALLOWED_NETWORKS empty: the default
  let worker: INestApplicationContext; // empty as well
  let acme: Tenant;

  beforeAll(async () => {
    isolateQueues('egress');
    receiver = await RecordingReceiver.start();
    lab = await ApiHarness.start({ EGRESS_ALLOWED_NETWORKS: TEST_EGRESS_ALLOWED_NETWORKS });
    strict = await ApiHarness.start({ EGRESS_ALLOWED_NETWORKS: '' });
    worker = await compileWithConfig(
      EgressWorkerModule,
      configWith({ EGRESS_ALLOWED_NETWORKS: '', WEBHOOK_RETRY_SCHEDULE: '0.2,0.2' }),
    );
    worker.useLogger(false);
    await worker.init();
    acme = await strict.createTenant('Egress Acme');
  });
  afterAll(async () => {
    await worker?.close();
    await strict?.close();
    await lab?.close();
    await receiver?.close();
  });

  const urlOn = (host: string, path: string) => receiver.urlOf(path).replace('127.0.0.1', host);

  /** POST or PATCH on the strict API: a 400 naming `field`, with a message that tells nothing of the network. */
  async function expectRefused(method: string, path: string, body: unknown, field: string): Promise<void> {
    const response = await strict.request<FieldErrors>(method, path, { key: acme.key, body });
    const problem = expectProblem(response, 400) as unknown as FieldErrors;
    const error = problem.errors.find((candidate) => candidate.field === field);
    if (!error) throw new Error(`${JSON.stringify(body)}: no error on ${field}: ${JSON.stringify(problem)}`);
    expect(error.message).not.toMatch(/ECONN|refused|timeout|127\.0\.0\.1|::1|open|port/i);
  }

  it('refuses webhook URLs on internal addresses, in every spelling, when they are saved', async () => {
    const created = await lab.request<{ id: string }>('POST', '/v1/webhooks', {
      key: acme.key,
      body: { url: receiver.urlOf('/allowed-in-the-lab'), events: ['registration.created'] },
    });
    expect(created.status).toBe(201); // the same URL, where loopback is allowed
    for (const host of INTERNAL_URL_HOSTS) {
      const url = urlOn(host, '/hook');
      await expectRefused('POST', '/v1/webhooks', { url, events: ['*'] }, 'url');
      await expectRefused('PATCH', `/v1/webhooks/${created.body.id}`, { url }, 'url');
    }
  });

  it('says the same of a name that does not resolve as of one that resolves to an internal address', async () => {
    const messageFor = async (host: string) => {
      const response = await strict.request<FieldErrors>('POST', '/v1/webhooks', {
        key: acme.key,
        body: { url: `http://${host}/hook`, events: ['*'] },
      });
      return (expectProblem(response, 400) as unknown as FieldErrors).errors;
    };
    const internal = await messageFor('localhost');
    expect(internal).toEqual([
      { field: 'url', message: 'url must be a host name that resolves to public addresses only' },
    ]);
    expect(await messageFor('no-such-host.invalid')).toEqual(internal);
  });

  it('refuses application URLs on internal addresses, in every spelling', async () => {
    const created = await lab.request<{ id: string }>('POST', '/v1/applications', {
      key: acme.key,
      body: { name: 'Lab IVR', voiceUrl: receiver.urlOf('/voice') },
    });
    expect(created.status).toBe(201);
    const publicUrl = 'https://203.0.113.10/voice';
    for (const host of INTERNAL_URL_HOSTS) {
      const url = urlOn(host, '/app');
      await expectRefused('POST', '/v1/applications', { name: 'IVR', voiceUrl: url }, 'voiceUrl');
      await expectRefused(
        'POST',
        '/v1/applications',
        { name: 'IVR', voiceUrl: publicUrl, fallbackUrl: url },
        'fallbackUrl',
      );
      await expectRefused(
        'POST',
        '/v1/applications',
        { name: 'IVR', voiceUrl: publicUrl, statusCallbackUrl: url },
        'statusCallbackUrl',
      );
      await expectRefused('PATCH', `/v1/applications/${created.body.id}`, { voiceUrl: url }, 'voiceUrl');
    }
  });

  it('refuses carrier gateways on internal addresses, in every spelling', async () => {
    const created = await lab.request<{ id: string }>('POST', '/v1/carriers', {
      key: acme.key,
      body: { name: 'Lab trunk', outbound: { gateways: [{ host: '127.0.0.1', port: 5080 }] } },
    });
    expect(created.status).toBe(201);
    for (const host of INTERNAL_GATEWAY_HOSTS) {
      const gateways = [{ host: '203.0.113.20' }, { host }];
      await expectRefused(
        'POST',
        '/v1/carriers',
        { name: 'Trunk', outbound: { gateways } },
        'outbound.gateways.1.host',
      );
      await expectRefused(
        'PATCH',
        `/v1/carriers/${created.body.id}`,
        { outbound: { gateways } },
        'outbound.gateways.1.host',
      );
    }
    const publicTrunk = await strict.request('POST', '/v1/carriers', {
      key: acme.key,
      body: { name: 'Public trunk', outbound: { gateways: [{ host: '203.0.113.20' }, { host: '2001:db8::20' }] } },
    });
    expect(publicTrunk.status).toBe(201);
  });

  it('checks again when connecting: a webhook saved where its name resolved to an allowed address is never sent', async () => {
    // Saved on the lab API (loopback allowed): then the worker, which does not allow it, delivers.
    const endpoints = [];
    for (const [host, path] of [
      ['localhost', '/by-name'],
      ['127.0.0.1', '/by-address'],
      ['[::ffff:127.0.0.1]', '/mapped'],
    ] as const) {
      const response = await lab.request<{ id: string }>('POST', '/v1/webhooks', {
        key: acme.key,
        body: { url: urlOn(host, path), events: ['call.completed'] },
      });
      expect(response.status).toBe(201);
      endpoints.push(response.body.id);
    }
    const published = await worker.get(WebhookEventPublisher).publish({
      accountId: acme.accountId,
      type: 'call.completed',
      data: { callId: 'c-egress' },
    });
    expect(published.deliveryIds).toHaveLength(3);

    for (const id of endpoints) {
      const delivery = await eventually(
        async () => {
          const { body } = await strict.request<{ data: Record<string, unknown>[] }>(
            'GET',
            `/v1/webhooks/${id}/deliveries`,
            { key: acme.key },
          );
          const delivery = body.data.find((candidate) => candidate.eventId === published.eventId);
          if (delivery?.state !== 'failed') throw new Error(`delivery: ${JSON.stringify(delivery)}`);
          return delivery;
        },
        { timeoutMs: 10_000, intervalMs: 25, description: `the delivery to webhook ${id} to fail` },
      );
      // Failed at once (retrying cannot help), and saying only that the destination is not allowed.
      expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: 'destination not allowed' });
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('checks again when connecting: an application URL saved where it was allowed is not asked', async () => {
    const created = await lab.request<{ id: string }>('POST', '/v1/applications', {
      key: acme.key,
      body: { name: 'Rebound', voiceUrl: urlOn('localhost', '/voice'), fallbackUrl: urlOn('127.0.0.1', '/fallback') },
    });
    expect(created.status).toBe(201);
    const application = await strict.app.get(EdgeRoutingRepository).findApplication(acme.accountId, created.body.id);
    if (!application) throw new Error('application not found');
    const answer = await strict.app.get(ApplicationVoiceClient).ask(application, {
      applicationId: application.id,
      accountId: acme.accountId,
      sipCallId: 'egress-call',
      direction: 'inbound',
      from: 'sip:+14155550100@carrier.test',
      to: 'sip:+14155550199@callwire.test',
      carrierId: null,
    });
    expect(answer).toBeNull(); // the call is refused, as when the application does not answer
    expect(receiver.received).toHaveLength(0);
  });

  describe('gateway health checks', () => {
    let gateway: Socket;
    const packets: Buffer[] = [];

    beforeAll(async () => {
      gateway = createSocket('udp4');
      gateway.on('message', (packet) => packets.push(packet));
      await new Promise<void>((resolve) => gateway.bind(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => gateway.close(resolve)));

    it('sends no OPTIONS to a gateway saved where it was allowed, and says only "destination not allowed"', async () => {
      const { port } = gateway.address() as AddressInfo;
      const created = await lab.request<{ id: string }>('POST', '/v1/carriers', {
        key: acme.key,
        body: {
          name: 'Rebound trunk',
          outbound: {
            gateways: [
              { host: 'localhost', port },
              { host: '127.0.0.1', port },
            ],
          },
        },
      });
      expect(created.status).toBe(201);
      const round = { data: { carrierId: created.body.id } } as Job<{ carrierId: string }>;
      expect(await worker.get(GatewayHealthProcessor).process(round)).toEqual({ checked: 2, up: 0, down: 2 });

      const carrier = await strict.request<{ outbound: { gateways: { health: Record<string, unknown> }[] } }>(
        'GET',
        `/v1/carriers/${created.body.id}`,
        { key: acme.key },
      );
      expect(carrier.body.outbound.gateways.map((g) => g.health)).toEqual([
        expect.objectContaining({ status: 'down', lastResponse: 'destination not allowed' }),
        expect.objectContaining({ status: 'down', lastResponse: 'destination not allowed' }),
      ]);
      expect(packets).toHaveLength(0);
    });
  });
});
