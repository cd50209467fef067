import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@callwire/config';
import { DatabaseModule } from '@callwire/database';
import { QueuesModule } from '@callwire/queues';
import { WebhookEventPublisher } from '../../apps/worker/src/webhook-events/webhook-event.publisher';
import { WebhookPublisherModule } from '../../apps/worker/src/webhook-events/webhook-publisher.module';

/** The publishing side only, in the test process: events keep coming while worker processes come and go. */
@Module({ imports: [ConfigModule, DatabaseModule, QueuesModule.forRoot(), WebhookPublisherModule] })
class PublisherModule {}

export async function startWebhookPublishing(): Promise<{
  readonly publisher: WebhookEventPublisher;
  close(): Promise<void>;
}> {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(PublisherModule, {
    logger: false,
  });
  await context.init();
  return { publisher: context.get(WebhookEventPublisher), close: () => context.close() };
}
