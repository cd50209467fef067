import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { ApiKeyUsageProcessor } from './api-key-usage.processor';
import { ApiKeyUsageRepository } from './api-key-usage.repository';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.ApiKeyUsage)],
  providers: [ApiKeyUsageRepository, ApiKeyUsageProcessor],
})
export class ApiKeyUsageModule {}
