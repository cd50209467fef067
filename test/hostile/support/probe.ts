import { type EdgePorts, type Transport, openLink, statusOf } from './sip-wire';

/**
 * Sends `bytes` over a fresh link from `from` and returns the first final answer's status, 0 when the edge
 * answered nothing within `waitMs` (provisional answers are skipped).
 */
export async function probe(
  transport: Transport,
  edge: EdgePorts,
  bytes: Buffer,
  options: { from?: string; waitMs?: number } = {},
): Promise<number> {
  const link = await openLink(transport, edge, options.from);
  try {
    link.send(bytes);
    const deadline = Date.now() + (options.waitMs ?? 1000);
    for (;;) {
      const message = await link.next(Math.max(1, deadline - Date.now()));
      if (message === undefined) return 0;
      if (statusOf(message) >= 200) return statusOf(message);
    }
  } finally {
    link.close();
  }
}

/** Runs `task` over `items`, at most `parallel` at once, keeping the order of the results. */
export async function inBatches<T, R>(
  items: readonly T[],
  parallel: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += parallel) {
    results.push(...(await Promise.all(items.slice(start, start + parallel).map(task))));
  }
  return results;
}
