import type { OutboundGatewayRow } from './edge-routing.repository';

/**
 * The order in which a call tries gateways: carriers in route order; within a carrier, gateways that
 * answer their health checks before those that do not, then by priority (lower first), and gateways of
 * equal priority in a random order weighted by their weight (weighted random without replacement).
 */
export function orderGateways(
  rows: readonly OutboundGatewayRow[],
  random: () => number = Math.random,
): OutboundGatewayRow[] {
  const byCarrier = new Map<string, OutboundGatewayRow[]>();
  for (const row of rows) {
    const group = byCarrier.get(row.carrierId) ?? [];
    // A carrier reached through several routes is tried once, at its best route.
    if (group.length === 0 || !group.some((seen) => sameGateway(seen, row))) group.push(row);
    byCarrier.set(row.carrierId, group);
  }
  return [...byCarrier.values()].flatMap((gateways) => orderWithinCarrier(gateways, random));
}

function sameGateway(a: OutboundGatewayRow, b: OutboundGatewayRow): boolean {
  return a.host === b.host && a.port === b.port && a.transport === b.transport;
}

function orderWithinCarrier(gateways: OutboundGatewayRow[], random: () => number): OutboundGatewayRow[] {
  const tiers = new Map<string, OutboundGatewayRow[]>();
  for (const gateway of gateways) {
    const key = `${gateway.status === 'down' ? 1 : 0}:${String(gateway.priority).padStart(6, '0')}`;
    tiers.set(key, [...(tiers.get(key) ?? []), gateway]);
  }
  return [...tiers.keys()].sort().flatMap((key) => weightedShuffle(tiers.get(key) ?? [], random));
}

function weightedShuffle(gateways: OutboundGatewayRow[], random: () => number): OutboundGatewayRow[] {
  const left = [...gateways];
  const ordered: OutboundGatewayRow[] = [];
  while (left.length > 0) {
    const total = left.reduce((sum, gateway) => sum + Math.max(gateway.weight, 1), 0);
    let pick = random() * total;
    let index = left.findIndex((gateway) => (pick -= Math.max(gateway.weight, 1)) < 0);
    if (index < 0) index = left.length - 1;
    ordered.push(...left.splice(index, 1));
  }
  return ordered;
}
