/**
 * Where a routed call's time goes inside the edge (BENCH_TRACE=1): with EDGE_TRACE_ROUTING set, kamailio.cfg logs
 * one line per call it dials, `routing-trace <Call-ID> <queued> <started> <decided> <relayed> <api|cache>`
 * (seconds.microseconds): handed to the async workers (route[PLATFORM_ROUTE]), taken by one (route[ROUTE_DECISION]),
 * the API's decision received (http_connect returned), and the INVITE about to be relayed (route[DIAL]: dialog,
 * "initiated" event). A decision from the edge's cache has no queue and no HTTP: its three first times are equal.
 */
const TRACE_LINE = /routing-trace (\S+) (\d+)\.(\d{6}) (\d+)\.(\d{6}) (\d+)\.(\d{6}) (\d+)\.(\d{6})(?: (api|cache))?/;

export interface RoutingTrace {
  /** Where the decision came from. */
  readonly source: 'api' | 'cache';
  /** Waiting for a free async worker. */
  readonly queueMs: number;
  /** The HTTP round trip to the API, as the edge sees it. */
  readonly decisionMs: number;
  /** Carrying out the decision until the relay: dialog, call event, targets. */
  readonly dialMs: number;
}

export function parseRoutingTrace(line: string): RoutingTrace | null {
  const match = TRACE_LINE.exec(line);
  if (!match) return null;
  const micros = (seconds: string, fraction: string): number => Number(seconds) * 1e6 + Number(fraction);
  const [queued, started, decided, relayed] = [2, 4, 6, 8].map((at) => micros(match[at], match[at + 1]));
  return {
    source: match[10] === 'cache' ? 'cache' : 'api',
    queueMs: (started - queued) / 1000,
    decisionMs: (decided - started) / 1000,
    dialMs: (relayed - decided) / 1000,
  };
}
