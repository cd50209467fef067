/** Payload of QueueName.ApiKeyUsage jobs: produced by the API's ApiKeyUsageProducer, applied by the worker. */
export interface ApiKeyUsageJob {
  readonly apiKeyId: string;
  /** ISO 8601 time of the request that used the key. */
  readonly usedAt: string;
}

/** Why a SIP user's registrations are removed from the edge. */
export type DeregistrationReason = 'disabled' | 'deleted' | 'credentials-rotated';

/** Edge-sync job: remove every registration of an AoR (`user@sipDomain`) at the edge. */
export interface DeregisterUserJob {
  readonly kind: 'deregister-user';
  readonly aor: string;
  readonly reason: DeregistrationReason;
}

/** Edge-sync job: refuse a client token from now on and remove the registrations made with it. */
export interface RevokeClientTokenJob {
  readonly kind: 'revoke-client-token';
  readonly tokenId: string;
  /** Unix time (s) the token expires: the edge forgets the revocation after that. */
  readonly expiresAt: number;
}

/** Payload of QueueName.EdgeSync jobs: produced by the API's EdgeSyncProducer, applied by the worker. */
export type EdgeSyncJob = DeregisterUserJob | RevokeClientTokenJob;
