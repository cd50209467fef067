export const GATEWAY_TRANSPORTS = ['udp', 'tcp', 'tls'] as const;
export type GatewayTransport = (typeof GATEWAY_TRANSPORTS)[number];

export const GATEWAY_DEFAULTS = { port: 5060, transport: 'udp', priority: 10, weight: 1 } as const;

/** A gateway as configured (host already normalized, defaults applied). */
export interface GatewaySpec {
  readonly host: string;
  readonly port: number;
  readonly transport: string;
  readonly priority: number;
  readonly weight: number;
}

/** A gateway is the same gateway as long as its host, port and transport are. */
export function gatewayKey(gateway: Pick<GatewaySpec, 'host' | 'port' | 'transport'>): string {
  return `${gateway.transport}:${gateway.host}:${gateway.port}`;
}

export interface GatewayPlan {
  /** Existing gateways that stay (id and health kept), with their possibly new priority and weight. */
  readonly kept: { readonly id: string; readonly priority: number; readonly weight: number }[];
  readonly added: GatewaySpec[];
  readonly removedIds: string[];
}

/**
 * How to turn the existing gateways into the wanted list: a wanted gateway with the key of an existing one
 * keeps that row (its id and the health the worker measured), the others are added, the rest removed.
 */
export function planGateways(
  existing: readonly (Pick<GatewaySpec, 'host' | 'port' | 'transport'> & { readonly id: string })[],
  wanted: readonly GatewaySpec[],
): GatewayPlan {
  const unmatched = new Map(existing.map((gateway) => [gatewayKey(gateway), gateway.id]));
  const kept: GatewayPlan['kept'] = [];
  const added: GatewaySpec[] = [];
  for (const gateway of wanted) {
    const id = unmatched.get(gatewayKey(gateway));
    if (id === undefined) {
      added.push(gateway);
    } else {
      unmatched.delete(gatewayKey(gateway));
      kept.push({ id, priority: gateway.priority, weight: gateway.weight });
    }
  }
  return { kept, added, removedIds: [...unmatched.values()] };
}
