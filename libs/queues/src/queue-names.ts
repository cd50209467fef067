/** Every BullMQ queue of the platform. Producers (api) and processors (worker) share these names. */
export const QueueName = {
  /** Records when an API key was last used, off the request path. */
  ApiKeyUsage: 'api-key-usage',
  /** Changes the SIP edge must apply after the fact, through Kamailio's control interface. */
  EdgeSync: 'edge-sync',
} as const;

export type QueueName = (typeof QueueName)[keyof typeof QueueName];
