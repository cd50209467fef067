import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { EdgeSyncProducer } from './edge-sync.producer';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.EdgeSync)],
  providers: [EdgeSyncProducer],
  exports: [EdgeSyncProducer],
})
export class EdgeModule {}
