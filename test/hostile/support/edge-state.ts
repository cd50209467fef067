import { Redis } from 'ioredis';
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
    const entries = await redis.xrange(`${process.env.QUEUE_PREFIX ?? 'callwire'}:edge-events`, '-', '+');
    return entries
      .map(([, fields]) => JSON.parse(fields[1] ?? '{}') as SecurityEvent)
      .filter((event) => event.kind === 'security');
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` every 50 ms until it is truthy or `timeoutMs` passed; returns its last value. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await check();
  while (!value && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await check();
  }
  return value;
}

/** The edge's log lines that contain `text`. */
export function logLines(edge: KamailioHarness, text: string): string[] {
  return edge.output.split('\n').filter((line) => line.includes(text));
}
