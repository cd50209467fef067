import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { EdgeSyncProcessor } from './edge-sync.processor';
import { KamailioRpcClient } from './kamailio-rpc.client';
import { TokenContactsRepository } from './token-contacts.repository';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.EdgeSync, QueueName.EdgeEvents)],
  providers: [KamailioRpcClient, TokenContactsRepository, EdgeSyncProcessor],
})
export class EdgeSyncModule {}
