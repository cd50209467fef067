/** Every BullMQ queue of the platform. Producers (api) and processors (worker) share these names. */
export const QueueName = {
  /** Records when an API key was last used, off the request path. */
  ApiKeyUsage: 'api-key-usage',
  /** Changes the SIP edge must apply after the fact, through Kamailio's control interface. */
  EdgeSync: 'edge-sync',
  /** One webhook delivery (an event to an endpoint), with retries. */
  WebhookDelivery: 'webhook-delivery',
  /** Rounds of SIP OPTIONS to the carriers' gateways (a job scheduler adds one per interval). */
  GatewayHealth: 'gateway-health',
  /** Rounds that end call records the edge has no dialog for (at worker start, then per interval). */
  CallReconciliation: 'call-reconciliation',
} as const;

export type QueueName = (typeof QueueName)[keyof typeof QueueName];
