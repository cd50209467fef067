import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { ApiKeyUsageProducer } from './api-key-usage.producer';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.ApiKeyUsage)],
  controllers: [ApiKeysController],
  providers: [ApiKeysService, ApiKeyUsageProducer],
  exports: [ApiKeyUsageProducer],
})
export class ApiKeysModule {}
