export * from './queue-names';
export * from './jobs';
export * from './redis-connection';
export * from './queues.module';
export * from './redis.probe';
export * from './live-events';
export * from './edge-event-shards';
