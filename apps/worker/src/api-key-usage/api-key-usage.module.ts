import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { ApiKeyUsageProcessor } from './api-key-usage.processor';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.ApiKeyUsage)],
  providers: [ApiKeyUsageProcessor],
})
export class ApiKeyUsageModule {}
