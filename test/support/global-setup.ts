import { TEST_EGRESS_ALLOWED_NETWORKS } from './egress-allowance';
import { createMigratedDatabase, loadEnv, randomRunId } from './test-run';

/**
 * Each test run gets its own database (migrated with the real migrations) and its own BullMQ key
 * prefix, so parallel runs and a running `npm run up` never see each other's data.
 */
export default async function globalSetup(): Promise<void> {
  loadEnv();
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('DATABASE_URL is not set: run `npm test` (it prepares .env)');
  const runId = randomRunId();
  const database = `callwire_test_${runId}`;

  const databaseUrl = await createMigratedDatabase(baseUrl, database);

  process.env.CALLWIRE_TEST_BASE_DATABASE_URL = baseUrl;
  process.env.CALLWIRE_TEST_DATABASE = database;
  process.env.DATABASE_URL = databaseUrl;
  process.env.QUEUE_PREFIX = `cwtest-${runId}`;
  // No gateway health checks unless a spec turns them on: the SIPp gateways of call tests take one
  // scripted call, and an OPTIONS from another spec's worker would count as a failed one.
  process.env.GATEWAY_CHECK_INTERVAL_MS = '0';
  process.env.REGISTRATION_SYNC_INTERVAL_MS = '0';
  // No call reconciliation either: a worker would compare every spec's call records with its own edge's dialogs.
  process.env.CALL_RECONCILE_INTERVAL_MS = '0';
  // Specs that draw ladders give their worker and edge a capture port of their own.
  process.env.SIP_TRACE_COLLECTOR_PORT = '0';
  // DTMF events from rtpengine likewise: the DTMF spec gives its rtpengine and worker a port of their own.
  process.env.RTPENGINE_DTMF_PORT = '0';
  // The receivers, gateways and applications of the specs listen on loopback (the SSRF spec turns this off).
  process.env.EGRESS_ALLOWED_NETWORKS = TEST_EGRESS_ALLOWED_NETWORKS;
  // The specs make many requests quickly from 127.0.0.1, some with wrong keys on purpose: API rate limits far
  // above real use (rate-limits.e2e-spec.ts runs its own API processes with realistic low limits).
  for (const name of [
    'API_RATE_LIMIT_PER_IP',
    'API_RATE_LIMIT_PER_KEY',
    'API_RATE_LIMIT_PER_ACCOUNT',
    'API_AUTH_FAIL_LIMIT',
  ]) {
    process.env[name] = '1000000';
  }
  process.env.ADMIN_API_KEY = process.env.ADMIN_API_KEY || `cwadmin_test_${runId}_${'x'.repeat(24)}`;
}
