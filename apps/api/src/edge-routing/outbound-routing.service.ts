import { Injectable, Logger } from '@nestjs/common';
import { sipHost } from '@callwire/sip';
import { type DialTarget, type EdgeRouteDecision, type EdgeRouteRequest, reject } from './edge-route.contract';
import { EdgeRoutingRepository, type OutboundGatewayRow } from './edge-routing.repository';
import { orderGateways } from './gateway-order';

const DEFAULT_RING_MS = 30_000;

/**
 * An account's call to a number outside, in steps: the account, the routes whose prefix matches the
 * number (by priority), their carriers' gateways in failover order, and the caller ID the carrier sees.
 */
@Injectable()
export class OutboundRoutingService {
  constructor(private readonly repository: EdgeRoutingRepository) {}

  async route(request: EdgeRouteRequest): Promise<EdgeRouteDecision> {
    const log = new Logger(`OutboundCall ${request.sipCallId}`);
    const accountId = await this.repository.findAccountIdBySipDomain(request.fromDomain);
    if (!accountId) return reject(403, 'Forbidden - unknown account');
    const number = request.requestUser;
    const gateways = orderGateways(await this.repository.findOutboundGateways(accountId, number));
    const first = gateways[0];
    if (!first) {
      log.log(`no outbound route for ${number}`);
      return reject(404, 'Not Found - no outbound route', { accountId, direction: 'outbound' });
    }
    return {
      action: 'dial',
      accountId,
      direction: 'outbound',
      mode: 'serial',
      targets: gateways.map((gateway) => gatewayTarget(number, gateway)),
      timeoutMs: DEFAULT_RING_MS,
      fromUri: `sip:${first.callerIdNumber ?? request.fromUser}@${first.fromDomain ?? sipHost(first.host)}`,
    };
  }
}

function gatewayTarget(number: string, gateway: OutboundGatewayRow): DialTarget {
  return {
    kind: 'uri',
    uri: `sip:${number}@${sipHost(gateway.host)}:${gateway.port};transport=${gateway.transport}`,
    ...(gateway.authUsername && gateway.authPassword
      ? { authUsername: gateway.authUsername, authPassword: gateway.authPassword }
      : {}),
    // Absent: off, what the edge assumes for a gateway.
    ...(gateway.srtp === 'off' ? {} : { srtp: gateway.srtp }),
    // Absent: rfc4733.
    ...(gateway.dtmf === 'rfc4733' ? {} : { dtmf: gateway.dtmf }),
  };
}
