import { type CallwireConfig, loadConfig } from '@callwire/config';
import { TEST_EGRESS_ALLOWED_NETWORKS } from './egress-allowance';

/** Settings for unit specs: every required secret filled in (none real), `env` on top. */
export function testConfig(env: Record<string, string> = {}): CallwireConfig {
  return loadConfig({
    DATABASE_URL: 'postgresql://x@127.0.0.1/x',
    ADMIN_API_KEY: 'k'.repeat(32),
    CLIENT_TOKEN_SECRET: 'c'.repeat(32),
    TURN_SECRET: 't'.repeat(32),
    WEBHOOK_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64url'),
    EDGE_API_TOKEN: 'e'.repeat(32),
    EDGE_RPC_TOKEN: 'r'.repeat(32),
    SIP_TRACE_AUTH_KEY: 'h'.repeat(32),
    EGRESS_ALLOWED_NETWORKS: TEST_EGRESS_ALLOWED_NETWORKS,
    ...env,
  });
}
