/** The suite's receivers, gateways and applications run on loopback: every spec may call it (EgressPolicy). */
export const TEST_EGRESS_ALLOWED_NETWORKS = '127.0.0.0/8,::1/128';
