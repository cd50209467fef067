import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { CarriersRepository, type GatewayCheck, type GatewayToCheck } from '@callwire/database';
import { describeConnectFailure } from '@callwire/egress';
import { type GatewayHealthJob, LiveEventsPublisher, QueueName } from '@callwire/queues';
import type { ProbeResult, SipTarget, SipTransport } from '@callwire/sip';

/** probeGateway of @callwire/sip behind the egress policy (checkedProbe); a token so that tests can stand in for the network. */
export const GATEWAY_PROBE = Symbol('GATEWAY_PROBE');
export type GatewayProbe = (target: SipTarget, timeoutMs: number) => Promise<ProbeResult>;

/** OPTIONS in flight at once, per round. */
export const PROBE_CONCURRENCY = 32;
/** Results are stored per batch of this many gateways, so a long round shows progress. */
export const SAVE_BATCH = 256;

const TRANSPORTS: readonly string[] = ['udp', 'tcp', 'tls'] satisfies SipTransport[];

/** What a round did (the job's return value). */
export interface GatewayHealthRound {
  readonly checked: number;
  readonly up: number;
  readonly down: number;
}

/**
 * One round of health checks: an OPTIONS to every gateway of the enabled carriers (at most
 * PROBE_CONCURRENCY at once), then the statuses stored. Any SIP response means up; no response within
 * GATEWAY_CHECK_TIMEOUT_MS, or a network error, means down. Tenants read why a gateway is down without
 * learning what answers inside a network: a timeout, "destination not allowed" or "connection failed".
 */
@Processor(QueueName.GatewayHealth)
export class GatewayHealthProcessor extends WorkerHost {
  private readonly logger = new Logger(GatewayHealthProcessor.name);

  constructor(
    private readonly gateways: CarriersRepository,
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    @Inject(GATEWAY_PROBE) private readonly probe: GatewayProbe,
    private readonly live: LiveEventsPublisher,
  ) {
    super();
  }

  async process(job: Job<GatewayHealthJob>): Promise<GatewayHealthRound> {
    const gateways = await this.gateways.findGatewaysToCheck(job.data.carrierId);
    let up = 0;
    for (let start = 0; start < gateways.length; start += SAVE_BATCH) {
      const checks = await mapConcurrently(gateways.slice(start, start + SAVE_BATCH), PROBE_CONCURRENCY, (gateway) =>
        this.check(gateway),
      );
      await this.gateways.saveGatewayChecks(checks);
      const changedAccounts = new Set<string>();
      for (const check of checks) {
        if (check.status === 'up') up++;
        if (check.status === check.gateway.status) continue;
        this.logChange(check);
        changedAccounts.add(check.gateway.accountId);
      }
      for (const accountId of changedAccounts) this.live.publish(accountId, 'carriers');
    }
    return { checked: gateways.length, up, down: gateways.length - up };
  }

  private async check(gateway: GatewayToCheck): Promise<GatewayCheck> {
    const { host, port, transport } = gateway;
    if (!TRANSPORTS.includes(transport)) {
      return { gateway, status: 'down', response: `unsupported transport ${transport}`, checkedAt: new Date() };
    }
    const result = await this.probe(
      { host, port, transport: transport as SipTransport },
      this.config.routing.gatewayCheckTimeoutMs,
    );
    return { gateway, ...tenantVisible(result), checkedAt: new Date() };
  }

  private logChange({ gateway, status, response }: GatewayCheck): void {
    const message = `gateway ${gateway.host}:${gateway.port}/${gateway.transport} (carrier ${gateway.carrierId}) is ${status} (${response}), was ${gateway.status}`;
    if (status === 'down') this.logger.warn(message);
    else this.logger.log(message);
  }
}

/** A down probe's network error (ECONNREFUSED, EGRESS_REFUSED …) as tenants may read it; timeouts as they are. */
function tenantVisible(result: ProbeResult): ProbeResult {
  if (result.status === 'up' || result.response === 'timeout') return result;
  return { status: 'down', response: describeConnectFailure(result.response) };
}

/** `fn` over every item, at most `limit` at a time; the results in the items' order. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
