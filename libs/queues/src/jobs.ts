/** Payload of QueueName.ApiKeyUsage jobs: produced by the API's ApiKeyUsageProducer, applied by the worker. */
export interface ApiKeyUsageJob {
  readonly apiKeyId: string;
  /** ISO 8601 time of the request that used the key. */
  readonly usedAt: string;
}

/** Why a SIP user's registrations are removed from the edge. */
export type DeregistrationReason = 'disabled' | 'deleted' | 'credentials-rotated';

/** Payload of QueueName.EdgeSync jobs: remove every registration of an AoR (`user@sipDomain`) at the edge. */
export interface DeregisterUserJob {
  readonly aor: string;
  readonly reason: DeregistrationReason;
}
