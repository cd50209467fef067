import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { ApiKeyUsageProducer } from './api-key-usage.producer';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.ApiKeyUsage)],
  controllers: [ApiKeysController],
  providers: [ApiKeysRepository, ApiKeysService, ApiKeyUsageProducer],
  exports: [ApiKeysRepository, ApiKeyUsageProducer],
})
export class ApiKeysModule {}
