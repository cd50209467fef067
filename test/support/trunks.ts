import type { ApiHarness } from './api-harness';

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
