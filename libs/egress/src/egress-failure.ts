export const EGRESS_REFUSED = 'EGRESS_REFUSED';
/** What tenants read when the platform refused to connect: the same whatever the address was. */
export const DESTINATION_NOT_ALLOWED = 'destination not allowed';

/** The destination (an address the host resolves to) is internal and not in EGRESS_ALLOWED_NETWORKS. */
export class EgressRefusedError extends Error {
  readonly code = EGRESS_REFUSED;

  constructor() {
    super(DESTINATION_NOT_ALLOWED);
    this.name = 'EgressRefusedError';
  }
}

const HOST_NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'ETIMEOUT']);
const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/**
 * What a tenant may read about a connection that failed, from the error's code: refused by the platform,
 * host not found, TLS failure, or else just "connection failed": ECONNREFUSED, ECONNRESET, EHOSTUNREACH …
 * would tell which addresses and ports of a network answer.
 */
export function describeConnectFailure(code: string): string {
  if (code === EGRESS_REFUSED) return DESTINATION_NOT_ALLOWED;
  if (HOST_NOT_FOUND.has(code)) return 'host not found';
  if (TLS_FAILURE.test(code)) return 'TLS handshake failed';
  return 'connection failed';
}
