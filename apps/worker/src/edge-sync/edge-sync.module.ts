import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { EdgeSyncProcessor } from './edge-sync.processor';
import { KamailioRpcClient } from './kamailio-rpc.client';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.EdgeSync)],
  providers: [KamailioRpcClient, EdgeSyncProcessor],
})
export class EdgeSyncModule {}
