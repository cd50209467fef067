import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import type { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

/** BullMQ wired to the configured Redis. Import forRoot() once per app, registerQueues() per feature. */
@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    return BullModule.forRootAsync({
      inject: [CALLWIRE_CONFIG],
      useFactory: (config: CallwireConfig) => ({
        // BullMQ workers block on Redis; they need this null to retry forever.
        connection: { ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null },
        prefix: config.queuePrefix,
      }),
    });
  }

  static registerQueues(...queues: QueueName[]): DynamicModule {
    return BullModule.registerQueue(...queues.map((name) => ({ name })));
  }
}
