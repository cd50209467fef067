import type { EgressPolicy } from '@callwire/egress';
import { probeGateway } from '@callwire/sip';
import type { GatewayProbe } from './gateway-health.processor';

/**
 * probeGateway toward the first address of the gateway's host once the egress policy has checked every
 * one: an OPTIONS never goes to a refused address, whatever the name resolves to at probe time.
 */
export function checkedProbe(policy: EgressPolicy): GatewayProbe {
  return (target, timeoutMs) =>
    probeGateway(target, timeoutMs, async (host) => {
      const [first] = await policy.resolve(host);
      if (!first) throw new Error('no address');
      return first;
    });
}
