import { Redis } from 'ioredis';
import { eventually } from '../../support/eventually';
import type { KamailioHarness } from '../../support/sip-harness';

/** The edge's JSON-RPC control interface, with the worker's token (EDGE_RPC_TOKEN). */
export async function edgeRpc(
  edge: Pick<KamailioHarness, 'rpcPort'>,
  method: string,
  params: unknown[] = [],
): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${edge.rpcPort}/RPC`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.EDGE_RPC_TOKEN ?? ''}` },
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
    signal: AbortSignal.timeout(3000),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** The banned source addresses the edge lists in its ipban table (htable.dump). */
export async function bannedAddresses(edge: KamailioHarness): Promise<string[]> {
  const slots = (await edgeRpc(edge, 'htable.dump', ['ipban'])) as { entry?: number; slot?: { name: string }[] }[];
  return (slots ?? []).flatMap((slot) => (slot.slot ?? []).map((item) => item.name));
}

export interface SecurityEvent {
  readonly kind: string;
  readonly event: string;
  readonly ip: string;
  readonly reason: string;
  readonly until: string | number;
  readonly ts: string | number;
}

/** The security events in the edge's event stream (the spec's QUEUE_PREFIX, see isolateQueues). */
export async function securityEvents(): Promise<SecurityEvent[]> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  try {
    // Every shard stream of the prefix (the edge spreads its events over them), in no particular order.
    const streams = (await redis.keys(`${process.env.QUEUE_PREFIX ?? 'callwire'}:edge-events:*`)).filter((key) =>
      /:edge-events:\d+$/.test(key),
    );
    const entries = (await Promise.all(streams.map((stream) => redis.xrange(stream, '-', '+')))).flat();
    return entries
      .map(([, fields]) => JSON.parse(fields[1] ?? '{}') as SecurityEvent)
      .filter((event) => event.kind === 'security');
  } finally {
    redis.disconnect();
  }
}

/** The security events about `ip`, once there is at least one. */
export function securityEventsOf(ip: string, timeoutMs = 3000): Promise<SecurityEvent[]> {
  return eventually(
    async () => {
      const events = (await securityEvents()).filter((event) => event.ip === ip);
      return events.length > 0 && events;
    },
    { timeoutMs, description: `a security event about ${ip}` },
  );
}

/** The edge's log lines that contain `text`. */
export function logLines(edge: KamailioHarness, text: string): string[] {
  return edge.output.split('\n').filter((line) => line.includes(text));
}
