/**
 * The API's own view of the routing decisions: its Prometheus histogram callwire_http_request_duration_seconds
 * for POST /internal/edge/routes (time inside the API, from Fastify's request to its response), read before and
 * after a measurement. Buckets are coarse (1, 2.5, 5, 10, 25 ms ...): the mean (sum / count) is exact, the
 * percentiles are bucket bounds.
 */
const ROUTE = '/internal/edge/routes';

export interface RouteHistogram {
  readonly count: number;
  readonly sumSeconds: number;
  /** Cumulative count per upper bound in seconds (Prometheus `le`), +Inf included. */
  readonly buckets: Map<number, number>;
  /** Decisions answered with another status than 200. */
  readonly non200: number;
}

function labelsOf(line: string): Record<string, string> {
  const inside = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
  return Object.fromEntries([...inside.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

export async function readRouteHistogram(apiUrl: string, metricsToken: string): Promise<RouteHistogram> {
  const response = await fetch(`${apiUrl}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${apiUrl}/metrics answered ${response.status}`);
  let count = 0;
  let sumSeconds = 0;
  let non200 = 0;
  const buckets = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('callwire_http_request_duration_seconds')) continue;
    const labels = labelsOf(line);
    if (labels.route !== ROUTE || labels.method !== 'POST') continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (labels.status_code !== '200') {
      if (line.startsWith('callwire_http_request_duration_seconds_count')) non200 += value;
      continue;
    }
    if (line.startsWith('callwire_http_request_duration_seconds_count')) count = value;
    else if (line.startsWith('callwire_http_request_duration_seconds_sum')) sumSeconds = value;
    else if (line.startsWith('callwire_http_request_duration_seconds_bucket')) {
      buckets.set(labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(labels.le), value);
    }
  }
  return { count, sumSeconds, buckets, non200 };
}

/** What happened between two readings: decisions, mean ms, the bucket bound (ms) holding p50 and p99. */
export function routeDelta(
  before: RouteHistogram,
  after: RouteHistogram,
): { count: number; meanMs: number; p50Ms: number; p99Ms: number; non200: number } {
  const count = after.count - before.count;
  const bound = (fraction: number): number => {
    const wanted = fraction * count;
    for (const [le, cumulative] of [...after.buckets].sort((a, b) => a[0] - b[0])) {
      if (cumulative - (before.buckets.get(le) ?? 0) >= wanted) return le * 1_000;
    }
    return Number.NaN;
  };
  return {
    count,
    meanMs: count > 0 ? ((after.sumSeconds - before.sumSeconds) / count) * 1_000 : Number.NaN,
    p50Ms: count > 0 ? bound(0.5) : Number.NaN,
    p99Ms: count > 0 ? bound(0.99) : Number.NaN,
    non200: after.non200 - before.non200,
  };
}
