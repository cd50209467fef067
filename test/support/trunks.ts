import type { ApiHarness } from './api-harness';
import { eventually } from './eventually';

type Tenant = { readonly key: string };

/** Creates a resource through the public API and returns its id (the test fails loudly otherwise). */
export async function createResource(api: ApiHarness, tenant: Tenant, path: string, body: unknown): Promise<string> {
  const response = await api.request<{ id: string }>('POST', path, { key: tenant.key, body });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** The edge settings that point it at this test's API (routing decisions) with fast gateway failover. */
export function routingEdgeEnv(api: ApiHarness): Record<string, string> {
  return {
    EDGE_API_ROUTES_URL: `${api.baseUrl}/internal/edge/routes`,
    SIP_GATEWAY_TIMEOUT_MS: '1000',
    EDGE_REG_TIMER_S: '1',
  };
}

/** A call record as the trunk specs check it. */
export interface TrunkCallRecord {
  readonly sipCallId: string;
  readonly direction: string;
  readonly status: string;
  readonly sipStatus: number | null;
  readonly to: string;
}

/** The account's call record that `predicate` picks, once it has a final status (10 s at most). */
export async function finalCallRecord(
  api: ApiHarness,
  tenant: Tenant,
  predicate: (call: TrunkCallRecord) => boolean,
): Promise<TrunkCallRecord> {
  return eventually(
    async () => {
      const { body } = await api.request<{ data: TrunkCallRecord[] }>('GET', '/v1/calls?limit=100', {
        key: tenant.key,
      });
      const found = body.data.find(predicate);
      if (found && !['initiated', 'ringing', 'in-progress'].includes(found.status)) return found;
      throw new Error(`no such call record with a final status: ${JSON.stringify(body.data)}`);
    },
    { timeoutMs: 10_000, intervalMs: 200, description: 'a final call record' },
  );
}
